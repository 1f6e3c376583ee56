import { proposeEuCode } from './eu-control-code';
import { describe, expect, it } from 'vitest';
import { applicationFromFormData, draftDataFrom, fieldErrors, ZApplicationInput } from './application';

function form(entries: [string, string][]): FormData {
  const fd = new FormData();
  for (const [k, v] of entries) fd.append(k, v);
  return fd;
}

const complete: [string, string][] = [
  ['lineItems.0.name', 'FaceFind Enterprise 5'],
  ['lineItems.0.description', 'Face identification server'],
  ['lineItems.0.eccn', '3a981'],
  ['lineItems.0.kind', 'HARDWARE'],
  ['lineItems.0.quantity', '4'],
  ['lineItems.0.unitValueUsd', '12,000'],
  ['lineItems.0.isBiometric', 'on'],
  ['lineItems.0.biometric.modality', 'FACE'],
  ['lineItems.0.biometric.matchingMode', 'ONE_TO_MANY'],
  ['lineItems.0.biometric.maxGallerySize', '10000000'],
  ['lineItems.0.biometric.liveVideo', 'yes'],
  ['lineItems.0.biometric.remoteGalleryAccess', 'no'],
  ['lineItems.0.biometric.trainingDataConsent', 'UNKNOWN'],
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
    expect(data.lineItems[0]!.biometric).toMatchObject({ liveVideo: true, remoteGalleryAccess: false, maxGallerySize: '10000000' });
    expect(data.redFlags).toEqual(['VAGUE_DELIVERY', 'ABNORMAL_ROUTE']);
    const parsed = ZApplicationInput.parse(data);
    expect(parsed.lineItems[0]).toMatchObject({ eccn: '3A981', quantity: 4, unitValueUsd: 12000 });
    expect(parsed.lineItems[0]!.biometric?.maxGallerySize).toBe(10_000_000);
  });

  it('"not classified yet" sends a null ECCN; an unticked biometric box sends no biometric data', () => {
    const entries = complete.filter(([k]) => k !== 'lineItems.0.isBiometric');
    entries.push(['lineItems.0.eccnUnclassified', 'on']);
    const parsed = ZApplicationInput.parse(applicationFromFormData(form(entries)));
    expect(parsed.lineItems[0]!.eccn).toBeNull();
    expect(parsed.lineItems[0]!.biometric).toBeNull();
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
    const data = applicationFromFormData(form([['lineItems.0.isBiometric', 'on']]));
    const result = ZApplicationInput.safeParse(data);
    expect(result.success).toBe(false);
    const errors = fieldErrors(result.error!);
    expect(errors['lineItems.0.name']).toEqual(['Product name is required']);
    expect(errors['lineItems.0.eccn']).toEqual(['Enter the ECCN, or choose “not classified yet”']);
    expect(errors['lineItems.0.quantity']).toEqual(['Quantity is required']);
    expect(errors['lineItems.0.biometric.matchingMode']).toEqual(['Choose the matching mode']);
    expect(errors['lineItems.0.biometric.liveVideo']).toEqual(['Say whether it identifies people in live video']);
    expect(errors['lineItems.0.biometric.maxGallerySize']).toEqual(['Maximum gallery size is required']);
    expect(errors['endUser.type']).toEqual(['Choose the end user type']);
    expect(errors['destination.region']).toBeUndefined();
  });

  it('says a negative quantity must be greater than zero and text must be a number', () => {
    const entries = complete.map(([k, v]): [string, string] =>
      k === 'lineItems.0.quantity' ? [k, '-3'] : k === 'lineItems.0.unitValueUsd' ? [k, 'lots'] : [k, v],
    );
    const errors = fieldErrors(ZApplicationInput.safeParse(applicationFromFormData(form(entries))).error!);
    expect(errors).toEqual({ 'lineItems.0.quantity': ['Quantity must be greater than zero'], 'lineItems.0.unitValueUsd': ['Unit value must be a number'] });
  });
});

describe('draftDataFrom', () => {
  it('round-trips what the form produced and tolerates junk', () => {
    const data = applicationFromFormData(form(complete));
    expect(draftDataFrom(JSON.parse(JSON.stringify(data)))).toEqual(JSON.parse(JSON.stringify(data)));
    const junk = draftDataFrom({ product: 'x', consignees: [null, { name: 3 }], redFlags: [1, 'ABNORMAL_ROUTE'] });
    expect(junk.lineItems).toHaveLength(1);
    expect(junk.lineItems[0]!.name).toBe('');
    expect(junk.consignees).toEqual([
      { name: '', country: '', role: '' },
      { name: '3', country: '', role: '' },
    ]);
    expect(junk.redFlags).toEqual(['ABNORMAL_ROUTE']);
  });
});

describe('line items', () => {
  const item = (name: string, eccn = 'EAR99') => ({ name, description: 'x', eccn, kind: 'HARDWARE', quantity: 1, unitValueUsd: 10, biometric: null });
  const base = {
    destination: { country: 'DE', region: null },
    endUser: { name: 'Northwind GmbH', country: 'DE', address: '1 Main St', type: 'COMMERCIAL' },
    endUse: { category: 'ACCESS_CONTROL', description: 'Doors' },
  };

  it('accepts 1 to 50 items and keeps their order', () => {
    const parsed = ZApplicationInput.parse({ ...base, lineItems: [item('Spare parts'), item('Reader', '3a981')] });
    expect(parsed.lineItems.map((i) => [i.name, i.eccn])).toEqual([
      ['Spare parts', 'EAR99'],
      ['Reader', '3A981'],
    ]);
    expect(parsed).not.toHaveProperty('product');
    const fifty = Array.from({ length: 50 }, (_, i) => item(`Item ${i + 1}`));
    expect(ZApplicationInput.parse({ ...base, lineItems: fifty }).lineItems).toHaveLength(50);
  });

  it('normalises the one-item shorthand `product` to lineItems, and reports its errors at product.*', () => {
    expect(ZApplicationInput.parse({ ...base, product: item('Spare parts') }).lineItems).toEqual([
      { ...item('Spare parts'), biometric: null, licenseExceptionClaimed: null },
    ]);
    const bad = ZApplicationInput.safeParse({ ...base, product: { ...item(''), quantity: -1 } });
    expect(fieldErrors(bad.error!)).toEqual({ 'product.name': ['Product name is required'], 'product.quantity': ['Quantity must be greater than zero'] });
  });

  it('refuses no items, 51 items, and both shapes at once, with every other error', () => {
    expect(fieldErrors(ZApplicationInput.safeParse({ ...base, lineItems: [] }).error!)).toEqual({ lineItems: ['Add at least one line item'] });
    const none = fieldErrors(ZApplicationInput.safeParse({ ...base, endUser: { ...base.endUser, name: '' } }).error!);
    expect(none).toEqual({ lineItems: ['Add at least one line item'], 'endUser.name': ['End user name is required'] });
    const many = Array.from({ length: 51 }, (_, i) => item(`Item ${i + 1}`));
    expect(fieldErrors(ZApplicationInput.safeParse({ ...base, lineItems: many }).error!)).toEqual({
      lineItems: ['An application can carry at most 50 line items'],
    });
    expect(fieldErrors(ZApplicationInput.safeParse({ ...base, product: item('Item A'), lineItems: [item('Item B')] }).error!)).toEqual({
      product: ['Give either "lineItems" or "product" (one item), not both'],
    });
  });

  it("reports each item's errors at that item's fields", () => {
    const errors = fieldErrors(ZApplicationInput.safeParse({ ...base, lineItems: [item('Good one'), { ...item('x'), eccn: 'nonsense', kind: '' }] }).error!);
    expect(errors).toEqual({
      'lineItems.1.name': ['Product name needs at least 2 characters'],
      'lineItems.1.eccn': ['Enter EAR99 or an ECCN such as 3A981 or 5A001.j'],
      'lineItems.1.kind': ['Choose the product type'],
    });
  });

  it('reads form rows in key order, whatever keys add/remove left behind', () => {
    const data = applicationFromFormData(
      form([
        ['lineItems.5.name', 'Second'],
        ['lineItems.5.kind', 'SOFTWARE'],
        ['lineItems.2.name', 'First'],
        ['lineItems.2.eccnUnclassified', 'on'],
      ]),
    );
    expect(data.lineItems.map((i) => [i.name, i.eccn, i.kind])).toEqual([
      ['First', null, ''],
      ['Second', '', 'SOFTWARE'],
    ]);
  });

  it('reads drafts saved before line items (with `product`) as one item', () => {
    expect(draftDataFrom({ product: { name: 'Old draft', eccn: null } }).lineItems).toEqual([
      { name: 'Old draft', description: '', eccn: null, kind: '', quantity: '', unitValueUsd: '', licenseExceptionClaimed: null, biometric: null },
    ]);
  });
});

describe('licence exception claimed (Part 740)', () => {
  const parse = (v: unknown) => {
    const data = applicationFromFormData(form(complete));
    return ZApplicationInput.safeParse({ ...data, lineItems: [{ ...data.lineItems[0]!, licenseExceptionClaimed: v }] });
  };
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
    expect(r.data!.lineItems[0]!.licenseExceptionClaimed).toBe(expected);
  });
  it('rejects a symbol that is not in the 2026 Part 740 list', () => {
    const r = parse('CIV'); // License Exception CIV was removed from Part 740
    expect(r.success).toBe(false);
    expect(fieldErrors(r.error!)['lineItems.0.licenseExceptionClaimed']![0]).toMatch(/Part 740 list/);
  });
  it('reads the form field', () => {
    const data = applicationFromFormData(form([...complete, ['lineItems.0.licenseExceptionClaimed', 'GBS']]));
    expect(data.lineItems[0]!.licenseExceptionClaimed).toBe('GBS');
  });
});

describe('EU fields (issue 16)', () => {
  const base = {
    lineItems: [{ name: 'Lathe', description: 'Five-axis machine tool', eccn: null, kind: 'HARDWARE', quantity: 1, unitValueUsd: 90000, biometric: null }],
    destination: { country: 'JP', region: null },
    endUser: { name: 'Osaka Tooling KK', country: 'JP', address: '1-1 Umeda, Osaka', type: 'COMMERCIAL' },
    consignees: [],
    endUse: { category: 'OTHER', description: 'Production of parts' },
    redFlags: [],
  };
  const withItem = (o: Record<string, unknown>) => ({ ...base, lineItems: [{ ...base.lineItems[0], ...o }] });

  it('accepts Annex I codes (normalised), "not listed" and null; leaves them absent when not given', () => {
    const ok = (o: Record<string, unknown>) => ZApplicationInput.parse(withItem(o)).lineItems[0]!;
    expect(ok({ euControlCode: '2b001.A.', subjectToEar: 'no' })).toMatchObject({ euControlCode: '2B001.a', subjectToEar: 'NO' });
    expect(ok({ euControlCode: 'not listed' }).euControlCode).toBe('NOT_LISTED');
    expect(ok({ euControlCode: null }).euControlCode).toBeNull();
    const plain = ok({});
    expect('euControlCode' in plain).toBe(false);
    expect('subjectToEar' in plain).toBe(false);
  });

  it('an unknown Annex I code or a bad answer is a field error', () => {
    const r = ZApplicationInput.safeParse(withItem({ euControlCode: '2B999', subjectToEar: 'MAYBE' }));
    expect(r.success).toBe(false);
    const errors = fieldErrors(r.error!);
    expect(errors['lineItems.0.euControlCode']?.[0]).toMatch(/Not a code of Annex I/);
    expect(errors['lineItems.0.subjectToEar']?.[0]).toMatch(/Subject to the EAR/);
    // an entry that exists with a provision it does not have
    expect(ZApplicationInput.safeParse(withItem({ euControlCode: '2B001.zz' })).success).toBe(false);
  });

  it('proposes the Annex I code of an ECCN where Annex I has it', () => {
    expect(proposeEuCode('5A002.a')).toBe('5A002.a');
    expect(proposeEuCode('2B001')).toBe('2B001');
    expect(proposeEuCode('3A981')).toBeNull();
    expect(proposeEuCode('EAR99')).toBeNull();
  });
});
