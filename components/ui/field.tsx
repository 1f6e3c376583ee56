// Form fields with their label, one line of help and their errors wired for assistive technology:
// the input gets a stable id (from its name), aria-invalid when it has errors, and aria-describedby
// pointing at the help and error texts; the error text sits in a polite live region next to it.
//   <TextInput name="product.name" label="Product name" errors={fieldErrors['product.name']} defaultValue="…" />
//   <Select name="product.kind" label="Product type" options={[{ value: 'HARDWARE', label: 'Hardware' }]} />
//   <Textarea …/>  <Checkbox …/>  <ChoiceGroup name="…" legend="…" options={…} /> (radios in a fieldset)
// Uncontrolled by design (defaultValue/defaultChecked): what the person typed stays in the DOM.
import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from 'react';
import { cn } from './cn';

/** A DOM id for a field name: "consignees.0.name" → "f-consignees-0-name". Error summaries link to it. */
export const fieldIdFor = (name: string) => `f-${name.replace(/[^A-Za-z0-9]+/g, '-')}`;

export const inputClass =
  'block w-full rounded-md border bg-white px-3 py-2 text-sm text-slate-900 shadow-sm placeholder:text-slate-500 focus:border-indigo-500 focus:outline-none focus:ring-2 focus:ring-indigo-500/30 disabled:bg-slate-100 disabled:text-slate-500';
const borderClass = (invalid: boolean) => (invalid ? 'border-red-500' : 'border-slate-300');

type TFieldFrame = { id: string; label: ReactNode; help?: ReactNode; errors?: string[]; optional?: boolean; children: ReactNode; className?: string };

export function describedBy(id: string, help: unknown, errors: string[] | undefined): string | undefined {
  const ids = [help ? `${id}-help` : null, errors?.length ? `${id}-error` : null].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

/** Label above, help below the label, the control, then its errors. */
export function FieldFrame({ id, label, help, errors, optional, children, className }: TFieldFrame) {
  return (
    <div className={className}>
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {label}
        {optional ? <span className="ml-1 font-normal text-slate-500">(optional)</span> : null}
      </label>
      {help ? (
        <p id={`${id}-help`} className="mt-0.5 text-xs text-slate-500">
          {help}
        </p>
      ) : null}
      <div className="mt-1.5">{children}</div>
      <FieldError id={id} errors={errors} />
    </div>
  );
}

export function FieldError({ id, errors }: { id: string; errors?: string[] }) {
  return (
    <div id={`${id}-error`} aria-live="polite" className="text-sm text-red-700">
      {errors?.length
        ? errors.map((e) => (
            <p key={e} className="mt-1">
              {e}
            </p>
          ))
        : null}
    </div>
  );
}

type TCommon = { name: string; label: ReactNode; help?: ReactNode; errors?: string[]; optional?: boolean; id?: string; className?: string };

export function TextInput({
  name,
  label,
  help,
  errors,
  optional,
  id = fieldIdFor(name),
  className,
  ...rest
}: TCommon & Omit<InputHTMLAttributes<HTMLInputElement>, 'name' | 'id'>) {
  const invalid = !!errors?.length;
  return (
    <FieldFrame id={id} label={label} help={help} errors={errors} optional={optional} className={className}>
      <input
        id={id}
        name={name}
        aria-invalid={invalid || undefined}
        aria-describedby={describedBy(id, help, errors)}
        className={cn(inputClass, borderClass(invalid))}
        {...rest}
      />
    </FieldFrame>
  );
}

export function Textarea({
  name,
  label,
  help,
  errors,
  optional,
  id = fieldIdFor(name),
  className,
  rows = 3,
  ...rest
}: TCommon & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'name' | 'id'>) {
  const invalid = !!errors?.length;
  return (
    <FieldFrame id={id} label={label} help={help} errors={errors} optional={optional} className={className}>
      <textarea
        id={id}
        name={name}
        rows={rows}
        aria-invalid={invalid || undefined}
        aria-describedby={describedBy(id, help, errors)}
        className={cn(inputClass, borderClass(invalid))}
        {...rest}
      />
    </FieldFrame>
  );
}

export type TOption = { value: string; label: string };

export function Select({
  name,
  label,
  help,
  errors,
  optional,
  id = fieldIdFor(name),
  className,
  options,
  placeholder = 'Choose…',
  ...rest
}: TCommon & { options: readonly TOption[]; placeholder?: string } & Omit<SelectHTMLAttributes<HTMLSelectElement>, 'name' | 'id'>) {
  const invalid = !!errors?.length;
  return (
    <FieldFrame id={id} label={label} help={help} errors={errors} optional={optional} className={className}>
      <select
        id={id}
        name={name}
        aria-invalid={invalid || undefined}
        aria-describedby={describedBy(id, help, errors)}
        className={cn(inputClass, borderClass(invalid))}
        {...rest}
      >
        <option value="">{placeholder}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldFrame>
  );
}

export function Checkbox({
  name,
  label,
  help,
  errors,
  id = fieldIdFor(name),
  className,
  ...rest
}: Omit<TCommon, 'optional'> & Omit<InputHTMLAttributes<HTMLInputElement>, 'name' | 'id' | 'type'>) {
  const invalid = !!errors?.length;
  return (
    <div className={className}>
      <div className="flex items-start gap-2.5">
        <input
          id={id}
          name={name}
          type="checkbox"
          aria-invalid={invalid || undefined}
          aria-describedby={describedBy(id, help, errors)}
          className="mt-0.5 h-4 w-4 shrink-0 rounded border-slate-300 text-indigo-700 focus:ring-indigo-500"
          {...rest}
        />
        <div>
          <label htmlFor={id} className="text-sm text-slate-800">
            {label}
          </label>
          {help ? (
            <p id={`${id}-help`} className="text-xs text-slate-500">
              {help}
            </p>
          ) : null}
        </div>
      </div>
      <FieldError id={id} errors={errors} />
    </div>
  );
}

/** Radios in a fieldset; the fieldset carries the id (focusable from an error summary). */
export function ChoiceGroup({
  name,
  legend,
  help,
  errors,
  options,
  defaultValue,
  id = fieldIdFor(name),
  className,
  inline = true,
}: Omit<TCommon, 'label' | 'optional'> & { legend: ReactNode; options: readonly TOption[]; defaultValue?: string; inline?: boolean }) {
  const invalid = !!errors?.length;
  return (
    <fieldset id={id} tabIndex={-1} aria-describedby={describedBy(id, help, errors)} data-invalid={invalid || undefined} className={className}>
      <legend className="text-sm font-medium text-slate-800">{legend}</legend>
      {help ? (
        <p id={`${id}-help`} className="mt-0.5 text-xs text-slate-500">
          {help}
        </p>
      ) : null}
      <div className={`mt-2 flex ${inline ? 'flex-row gap-6' : 'flex-col gap-2'}`}>
        {options.map((o) => (
          <label key={o.value} className="inline-flex items-center gap-2 text-sm text-slate-800">
            <input
              type="radio"
              name={name}
              value={o.value}
              defaultChecked={defaultValue === o.value}
              className="h-4 w-4 border-slate-300 text-indigo-700 focus:ring-indigo-500"
            />
            {o.label}
          </label>
        ))}
      </div>
      <FieldError id={id} errors={errors} />
    </fieldset>
  );
}
