import { describe, expect, it } from 'vitest';
import { applicationFromFormData, draftDataFrom, fieldErrors, ZApplicationInput } from './application';

function form(entries: [string, string][]): FormData {
  const fd = new FormData();
  for (const [k, v] of entries) fd.append(k, v);
  return fd;
}

const complete: [string, string][] = [
  ['product.name', 'FaceFind Enterprise 5'],
  ['product.description', 'Face identification server'],
  ['product.eccn', '3a981'],
  ['product.kind', 'HARDWARE'],
  ['product.quantity', '4'],
  ['product.unitValueUsd', '12,000'],
  ['product.isBiometric', 'on'],
  ['product.biometric.modality', 'FACE'],
  ['product.biometric.matchingMode', 'ONE_TO_MANY'],
  ['product.biometric.maxGallerySize', '10000000'],
  ['product.biometric.liveVideo', 'yes'],
  ['product.biometric.remoteGalleryAccess', 'no'],
  ['product.biometric.trainingDataConsent', 'UNKNOWN'],
  ['destination.country', 'China'],
  ['destination.region', ''],
  ['endUser.name', 'City Police Bureau'],
  ['endUser.country', 'cn'],
  ['endUser.address', '1 Main Road'],
  ['endUser.type', 'LAW_ENFORCEMENT'],
  ['consignees.3.name', 'Forwarder FZE'],
  ['consignees.3.country', 'United Arab Emirates'],
  ['consignees.3.role', 'INTERMEDIATE'],
  ['consignees.1.name', 'Hub Ltd'],
  ['consignees.1.country', 'Singapore'],
  ['consignees.1.role', 'ULTIMATE'],
  ['endUse.category', 'PUBLIC_SPACE_SURVEILLANCE'],
  ['endUse.description', 'City cameras'],
  ['redFlags', 'VAGUE_DELIVERY'],
  ['redFlags', 'ABNORMAL_ROUTE'],
];

describe('applicationFromFormData', () => {
  it('turns the form into the schema shape: countries by name → codes, yes/no → booleans, rows in order', () => {
    const data = applicationFromFormData(form(complete));
    expect(data.destination).toEqual({ country: 'CN', region: null });
    expect(data.endUser.country).toBe('CN');
    expect(data.consignees).toEqual([
      { name: 'Hub Ltd', country: 'SG', role: 'ULTIMATE' },
      { name: 'Forwarder FZE', country: 'AE', role: 'INTERMEDIATE' },
    ]);
    expect(data.product.biometric).toMatchObject({ liveVideo: true, remoteGalleryAccess: false, maxGallerySize: '10000000' });
    expect(data.redFlags).toEqual(['VAGUE_DELIVERY', 'ABNORMAL_ROUTE']);
    const parsed = ZApplicationInput.parse(data);
    expect(parsed.product).toMatchObject({ eccn: '3A981', quantity: 4, unitValueUsd: 12000 });
    expect(parsed.product.biometric?.maxGallerySize).toBe(10_000_000);
  });

  it('"not classified yet" sends a null ECCN; an unticked biometric box sends no biometric data', () => {
    const entries = complete.filter(([k]) => k !== 'product.isBiometric');
    entries.push(['product.eccnUnclassified', 'on']);
    const parsed = ZApplicationInput.parse(applicationFromFormData(form(entries)));
    expect(parsed.product.eccn).toBeNull();
    expect(parsed.product.biometric).toBeNull();
  });

  it('keeps text that names no country as typed, and the schema says so at that field', () => {
    const entries = complete.map(([k, v]): [string, string] => (k === 'destination.country' ? [k, 'Atlantis'] : [k, v]));
    const data = applicationFromFormData(form(entries));
    expect(data.destination.country).toBe('Atlantis');
    const result = ZApplicationInput.safeParse(data);
    expect(result.success).toBe(false);
    expect(fieldErrors(result.error!)).toEqual({ 'destination.country': ['Choose a country from the list'] });
  });
});

describe('ZApplicationInput messages for the form', () => {
  it('reports every missing field at its own path, with required-field wording', () => {
    const data = applicationFromFormData(form([['product.isBiometric', 'on']]));
    const result = ZApplicationInput.safeParse(data);
    expect(result.success).toBe(false);
    const errors = fieldErrors(result.error!);
    expect(errors['product.name']).toEqual(['Product name is required']);
    expect(errors['product.eccn']).toEqual(['Enter the ECCN, or choose “not classified yet”']);
    expect(errors['product.quantity']).toEqual(['Quantity is required']);
    expect(errors['product.biometric.matchingMode']).toEqual(['Choose the matching mode']);
    expect(errors['product.biometric.liveVideo']).toEqual(['Say whether it identifies people in live video']);
    expect(errors['product.biometric.maxGallerySize']).toEqual(['Maximum gallery size is required']);
    expect(errors['endUser.type']).toEqual(['Choose the end user type']);
    expect(errors['destination.region']).toBeUndefined();
  });

  it('says a negative quantity must be greater than zero and text must be a number', () => {
    const entries = complete.map(([k, v]): [string, string] =>
      k === 'product.quantity' ? [k, '-3'] : k === 'product.unitValueUsd' ? [k, 'lots'] : [k, v],
    );
    const errors = fieldErrors(ZApplicationInput.safeParse(applicationFromFormData(form(entries))).error!);
    expect(errors).toEqual({ 'product.quantity': ['Quantity must be greater than zero'], 'product.unitValueUsd': ['Unit value must be a number'] });
  });
});

describe('draftDataFrom', () => {
  it('round-trips what the form produced and tolerates junk', () => {
    const data = applicationFromFormData(form(complete));
    expect(draftDataFrom(JSON.parse(JSON.stringify(data)))).toEqual(JSON.parse(JSON.stringify(data)));
    const junk = draftDataFrom({ product: 'x', consignees: [null, { name: 3 }], redFlags: [1, 'ABNORMAL_ROUTE'] });
    expect(junk.product.name).toBe('');
    expect(junk.consignees).toEqual([{ name: '', country: '', role: '' }, { name: '3', country: '', role: '' }]);
    expect(junk.redFlags).toEqual(['ABNORMAL_ROUTE']);
  });
});

describe('licence exception claimed (Part 740)', () => {
  const parse = (v: unknown) => ZApplicationInput.safeParse({ ...applicationFromFormData(form(complete)), product: { ...applicationFromFormData(form(complete)).product, licenseExceptionClaimed: v } });
  it.each<[unknown, string | null]>([
    [undefined, null],
    ['', null],
    [null, null],
    ['LVS', 'LVS'],
    [' sta ', 'STA'],
    ['SPP', 'SPP'],
  ])('%j → %j', (input, expected) => {
    const r = parse(input);
    expect(r.success).toBe(true);
    expect(r.data!.product.licenseExceptionClaimed).toBe(expected);
  });
  it('rejects a symbol that is not in the 2026 Part 740 list', () => {
    const r = parse('CIV'); // License Exception CIV was removed from Part 740
    expect(r.success).toBe(false);
    expect(fieldErrors(r.error!)['product.licenseExceptionClaimed']![0]).toMatch(/Part 740 list/);
  });
  it('reads the form field', () => {
    const data = applicationFromFormData(form([...complete, ['product.licenseExceptionClaimed', 'GBS']]));
    expect(data.product.licenseExceptionClaimed).toBe('GBS');
  });
});
