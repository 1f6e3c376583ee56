// Countries chosen by name from a searchable list: a text input tied to a native <datalist>
// (keyboard-operable, announced as a combobox). The person sees "Germany"; the form sends what they
// typed, and the server maps it to the ISO code with countryCodeFrom() (lib/countries.ts).
// Render <CountryOptions /> once per page and point every CountryCombobox at its id.
//   <CountryOptions id="country-options" />
//   <CountryCombobox name="destination.country" label="Destination country" defaultValue="DE" listId="country-options" />
import { COUNTRY_OPTIONS, countryName } from '@/lib/countries';
import { TextInput } from './field';

export function CountryOptions({ id }: { id: string }) {
  return (
    <datalist id={id}>
      {COUNTRY_OPTIONS.map((c) => (
        <option key={c.code} value={c.name} />
      ))}
    </datalist>
  );
}

/** `defaultValue` may be an ISO code (shown as its name) or text someone typed earlier (shown as is). */
export function CountryCombobox({
  name,
  label,
  defaultValue,
  listId,
  errors,
  help,
  id,
  className,
}: {
  name: string;
  label: string;
  defaultValue?: string;
  listId: string;
  errors?: string[];
  help?: string;
  id?: string;
  className?: string;
}) {
  return (
    <TextInput
      name={name}
      id={id}
      label={label}
      help={help ?? 'Type to search, then pick from the list'}
      errors={errors}
      list={listId}
      autoComplete="off"
      defaultValue={defaultValue ? countryName(defaultValue) : ''}
      className={className}
    />
  );
}
