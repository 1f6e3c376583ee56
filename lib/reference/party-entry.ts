// Builds a TPartyEntry with its content hash from parsed fields.
import type { TPartyEntry } from '../screening/types';
import { contentHash } from './hash';

export function makePartyEntry(fields: Omit<TPartyEntry, 'contentHash'>): TPartyEntry {
  const { id, name, aliases, type, countries, programs, licensePolicy, remarks } = fields;
  const expiresOn = fields.expiresOn ?? null;
  const extra = [fields.licenseRequirement, fields.federalRegister, fields.sourceListUrl];
  // The hash of entries without the CSL fields stays what it was (cleared matches keep applying).
  const hashed: unknown[] = [name, aliases, type, countries, programs, licensePolicy, remarks, expiresOn];
  if (extra.some((v) => v !== undefined && v !== null)) hashed.push(...extra.map((v) => v ?? null));
  const entry: TPartyEntry = { id, name, aliases, type, countries, programs, licensePolicy, remarks, contentHash: contentHash(hashed) };
  if (fields.expiresOn !== undefined) entry.expiresOn = expiresOn;
  if (fields.licenseRequirement != null) entry.licenseRequirement = fields.licenseRequirement;
  if (fields.federalRegister != null) entry.federalRegister = fields.federalRegister;
  if (fields.sourceListUrl != null) entry.sourceListUrl = fields.sourceListUrl;
  return entry;
}
