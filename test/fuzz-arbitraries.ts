// fast-check generators for every input the app accepts: the application (JSON API, form, CLI),
// and the form fields of every action. Values an attacker or a bad file would send: NUL, lone
// surrogates, right-to-left overrides, huge and tiny numbers, wrong types, deep nesting.
import fc from 'fast-check';

const NASTY_STRINGS = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\uD800',
  'x\uDC00',
  '\uD83D\uDE00',
  '\u202Eevil',
  '=1+1',
  'a\n=1+1',
  '\r\n',
  '\'; DROP TABLE "User";--',
  '<script>alert(1)</script>',
  '../../etc/passwd',
  'x'.repeat(6000),
  '1e400',
  'NaN',
  '-0',
  '0x10',
  '1,000',
  ' 12 ',
];
const NASTY_NUMBERS = [0, -1, 1e14, 99_999_999_999_999.99, 1e16, 1e308, -1e308, 0.00001, 0.001, 0.1 + 0.2, Number.MAX_SAFE_INTEGER, 1.5, 2 ** 53 + 1];

export const nastyString = fc.oneof(fc.constantFrom(...NASTY_STRINGS), fc.string({ unit: 'binary', maxLength: 40 }), fc.string({ maxLength: 20 }));
export const nastyNumber = fc.oneof(fc.constantFrom(...NASTY_NUMBERS), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.integer());
export const nastyValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: nastyString },
  { weight: 3, arbitrary: nastyNumber },
  { weight: 1, arbitrary: fc.constantFrom(null, true, false, [], {}) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }) },
);

/** Keeps a valid value most of the time, so deeper fields are reached too. */
const maybe = <T>(valid: fc.Arbitrary<T>) => fc.oneof({ weight: 3, arbitrary: valid }, { weight: 1, arbitrary: nastyValue });

const VALID_COUNTRIES = ['DE', 'BR', 'CN', 'RU', 'US', 'KP', 'IR', 'FR', 'IN', 'ZZ'];
export const applicationArb = fc.record({
  product: maybe(
    fc.record({
      name: maybe(fc.constantFrom('Door controller', 'Thermal camera', 'Face ID module')),
      description: maybe(fc.constant('A product')),
      eccn: maybe(fc.constantFrom('EAR99', '3A981', '5A001.j', '5a992.c', null, '9Z999')),
      kind: maybe(fc.constantFrom('HARDWARE', 'SOFTWARE', 'TECHNOLOGY')),
      quantity: maybe(fc.oneof(fc.integer({ min: 1, max: 1000 }), nastyNumber)),
      unitValueUsd: maybe(fc.oneof(fc.integer({ min: 1, max: 100000 }), nastyNumber)),
      biometric: maybe(
        fc.constantFrom(null, {
          modality: 'FACE',
          matchingMode: 'ONE_TO_MANY',
          maxGallerySize: 1e6,
          liveVideo: true,
          remoteGalleryAccess: false,
          trainingDataConsent: 'UNKNOWN',
        }),
      ),
    }),
  ),
  destination: maybe(fc.record({ country: maybe(fc.constantFrom(...VALID_COUNTRIES)), region: maybe(fc.constantFrom(null, 'UA-43', 'DE-BE')) })),
  endUser: maybe(
    fc.record({
      name: maybe(fc.constantFrom('Muster GmbH', 'Banco Nacional de Cuba')),
      country: maybe(fc.constantFrom(...VALID_COUNTRIES)),
      address: maybe(fc.constant('Main St 1')),
      type: maybe(fc.constantFrom('COMMERCIAL', 'MILITARY')),
    }),
  ),
  consignees: maybe(
    fc.array(
      fc.record({
        name: maybe(fc.constant('Forwarder Ltd')),
        country: maybe(fc.constantFrom(...VALID_COUNTRIES)),
        role: maybe(fc.constantFrom('INTERMEDIATE', 'ULTIMATE')),
      }),
      { maxLength: 3 },
    ),
  ),
  endUse: maybe(fc.record({ category: maybe(fc.constantFrom('ACCESS_CONTROL', 'MILITARY', 'OTHER')), description: maybe(fc.constant('Doors')) })),
  redFlags: maybe(fc.array(fc.constantFrom('VAGUE_DELIVERY', 'NOT_A_FLAG'), { maxLength: 3 })),
});

/** A form submission: the given field names (plus a stray one) with nasty or plausible string values. */
export const formArb = (fields: Record<string, string[]>) =>
  fc.record(
    Object.fromEntries([
      ...Object.entries(fields).map(([name, plausible]) => [
        name,
        fc.oneof(
          { weight: 2, arbitrary: fc.constantFrom(...plausible) },
          { weight: 2, arbitrary: nastyString },
          { weight: 1, arbitrary: nastyNumber.map(String) },
        ),
      ]),
      ['stray', nastyString],
    ]),
    { requiredKeys: [] },
  );

/** Every string anywhere in a value is storable, and every number finite: what a schema's success must guarantee. */
export function storable(value: unknown, bad: (s: string) => boolean): boolean {
  if (typeof value === 'string') return !bad(value);
  if (typeof value === 'number') return Number.isFinite(value);
  if (Array.isArray(value)) return value.every((v) => storable(v, bad));
  if (value && typeof value === 'object') return Object.entries(value).every(([k, v]) => !bad(k) && storable(v, bad));
  return true;
}
