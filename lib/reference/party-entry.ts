// Builds a TPartyEntry with its content hash from parsed fields.
import type { TPartyEntry } from '../screening/types';
import { contentHash } from './hash';

export function makePartyEntry(fields: Omit<TPartyEntry, 'contentHash'>): TPartyEntry {
  const { id, name, aliases, type, countries, programs, licensePolicy, remarks } = fields;
  const expiresOn = fields.expiresOn ?? null;
  const hash = contentHash([name, aliases, type, countries, programs, licensePolicy, remarks, expiresOn]);
  const entry: TPartyEntry = { id, name, aliases, type, countries, programs, licensePolicy, remarks, contentHash: hash };
  if (fields.expiresOn !== undefined) entry.expiresOn = expiresOn;
  return entry;
}
