'use client';
// Edits one rule of a draft: enabled, and every parameter with the control its schema declares
// (lib/screening/rules/<rule>.ts `.meta()`, turned into field specs by lib/validation/rules.ts). Each field's
// errors sit next to it; after an error the form shows what the admin typed, not the stored value.
import { listLabel } from '@/lib/labels';
import { useActionState } from 'react';
import { updateRuleAction } from '@/app/(admin)/admin/rules/actions';
import { Button } from '@/components/ui/button';
import { Checkbox, ChoiceGroup, FieldError, Select, TextInput, Textarea, describedBy, fieldIdFor, inputClass } from '@/components/ui/field';
import type { TFieldSpec } from '@/lib/validation/rules';
import { OUTCOMES, codeWords } from '@/lib/validation/rule-words';
import { FormMessage } from '@/components/ui/form-message';
import { IDLE, errorsOf, type TAdminFormState } from './form-state';
import { useSubmissionKey } from './use-submission-key';

export type TRuleFieldValue = { spec: TFieldSpec; value: string | string[] | Record<string, string> };

const OUTCOME_OPTIONS = OUTCOMES.map((o) => ({ value: o, label: codeWords(o) }));

function pick(state: TAdminFormState, name: string, fallback: string | string[]): string | string[] {
  if (state.status !== 'error') return fallback;
  const v = state.values[name];
  return v === undefined ? (Array.isArray(fallback) ? [] : '') : v;
}
const str = (v: string | string[]) => (Array.isArray(v) ? v.join(', ') : v);
const list = (v: string | string[]) => (Array.isArray(v) ? v : v ? [v] : []);

function Field({ field, state, scope }: { field: TRuleFieldValue; state: TAdminFormState; scope: string }) {
  const { spec } = field;
  const name = spec.path;
  const id = fieldIdFor(`${scope}-${name}`);
  const errors = errorsOf(state, name);
  const k = spec.kind;
  switch (k.type) {
    case 'outcome':
      return (
        <Select
          id={id}
          name={name}
          label={spec.label}
          help={spec.help}
          errors={errors}
          options={OUTCOME_OPTIONS}
          defaultValue={str(pick(state, name, field.value as string))}
          placeholder={spec.help ? 'Same as the outcome' : 'Choose…'}
        />
      );
    case 'enum-list': {
      const checked = new Set(list(pick(state, name, field.value as string[])));
      const invalid = !!errors?.length;
      return (
        <fieldset id={id} className="min-w-0" aria-describedby={describedBy(id, null, errors)}>
          <legend className="text-sm font-medium text-slate-800">{spec.label}</legend>
          {spec.help ? <p className="mt-0.5 text-xs text-slate-500">{spec.help}</p> : null}
          <div className="mt-2 grid grid-cols-2 gap-x-4 gap-y-1.5">
            {k.options.map((o) => (
              <label key={o} className="inline-flex items-center gap-2 text-sm text-slate-800">
                <input
                  type="checkbox"
                  name={name}
                  value={o}
                  defaultChecked={checked.has(o)}
                  aria-invalid={invalid || undefined}
                  className="h-4 w-4 rounded border-slate-300 text-indigo-700 focus:ring-indigo-500"
                />
                {codeWords(o)}
              </label>
            ))}
          </div>
          <FieldError id={id} errors={errors} />
        </fieldset>
      );
    }
    case 'countries':
      return (
        <TextInput
          id={id}
          name={name}
          label={spec.label}
          help="ISO country codes, separated by commas (e.g. RU, BY)"
          errors={errors}
          defaultValue={str(pick(state, name, field.value as string))}
        />
      );
    case 'groups':
      return (
        <TextInput
          id={id}
          name={name}
          label={spec.label}
          help={`Country Group codes, separated by commas (e.g. A:1, E:1)${spec.help ? `. ${spec.help}` : ''}`}
          errors={errors}
          defaultValue={str(pick(state, name, field.value as string))}
        />
      );
    case 'number':
      return (
        <TextInput
          id={id}
          name={name}
          label={spec.label}
          help={`From ${k.min} to ${k.max}`}
          errors={errors}
          inputMode="decimal"
          defaultValue={str(pick(state, name, field.value as string))}
        />
      );
    case 'integer':
      return (
        <TextInput
          id={id}
          name={name}
          label={spec.label}
          help={`A whole number from ${k.min} to ${k.max}`}
          errors={errors}
          inputMode="numeric"
          defaultValue={str(pick(state, name, field.value as string))}
        />
      );
    case 'boolean':
      return <Checkbox id={id} name={name} label={spec.label} errors={errors} defaultChecked={str(pick(state, name, field.value as string)) === 'on'} />;
    case 'tri':
      return (
        <ChoiceGroup
          id={id}
          name={name}
          legend={spec.label}
          errors={errors}
          defaultValue={str(pick(state, name, field.value as string))}
          options={[
            { value: 'yes', label: 'Yes' },
            { value: 'no', label: 'No' },
            { value: '', label: 'Does not matter' },
          ]}
        />
      );
    case 'text':
      return <TextInput id={id} name={name} label={spec.label} errors={errors} defaultValue={str(pick(state, name, field.value as string))} />;
    case 'regions':
      return <Textarea id={id} name={name} label={spec.label} errors={errors} rows={4} defaultValue={str(pick(state, name, field.value as string))} />;
    case 'lines':
      return (
        <div className="sm:col-span-2">
          <Textarea
            id={id}
            name={name}
            label={spec.label}
            help={`One per line: ${k.columns.join(' | ')}${spec.help ? `. ${spec.help}` : ''}`}
            errors={errors}
            rows={6}
            defaultValue={str(pick(state, name, field.value as string))}
          />
        </div>
      );
    case 'text-map': {
      const entries = Object.entries(field.value as Record<string, string>);
      return (
        <fieldset className="min-w-0 sm:col-span-2">
          <legend className="text-sm font-medium text-slate-800">{spec.label}</legend>
          <div className="mt-2 space-y-2">
            {entries.map(([key, text]) => {
              const keyName = `${name}.${key}`;
              const keyId = fieldIdFor(`${scope}-${keyName}`);
              const keyErrors = errorsOf(state, keyName);
              return (
                // a phone stacks the key over its field: 10 rem of key beside a field would not fit 390 px
                <div key={key} className="grid grid-cols-1 items-start gap-1 sm:grid-cols-[10rem_minmax(0,1fr)] sm:gap-3">
                  <label htmlFor={keyId} className="text-xs font-medium text-slate-700 sm:pt-2">
                    {listLabel(key)}
                  </label>
                  <div>
                    <input
                      id={keyId}
                      name={keyName}
                      defaultValue={str(pick(state, keyName, text))}
                      aria-invalid={!!keyErrors?.length || undefined}
                      aria-describedby={describedBy(keyId, null, keyErrors)}
                      className={`${inputClass} ${keyErrors?.length ? 'border-red-500' : 'border-slate-300'}`}
                    />
                    <FieldError id={keyId} errors={keyErrors} />
                  </div>
                </div>
              );
            })}
          </div>
        </fieldset>
      );
    }
  }
}

export function RuleEditForm({ versionId, ruleId, enabled, fields }: { versionId: string; ruleId: string; enabled: boolean; fields: TRuleFieldValue[] }) {
  const [state, action, pending] = useActionState(updateRuleAction, IDLE);
  const formKey = useSubmissionKey(state);
  const scope = ruleId.replace(/[^a-z0-9]+/gi, '-');
  const enabledNow = state.status === 'error' ? list(state.values.enabled ?? '').includes('on') : enabled;
  return (
    <form key={formKey} action={action} className="space-y-5" aria-label={`Edit rule ${ruleId}`}>
      <input type="hidden" name="versionId" value={versionId} />
      <input type="hidden" name="ruleId" value={ruleId} />
      <Checkbox
        id={fieldIdFor(`${scope}-enabled`)}
        name="enabled"
        label="Rule enabled"
        help="A disabled rule produces no findings."
        defaultChecked={enabledNow}
      />
      <div className="grid grid-cols-1 gap-5 sm:grid-cols-2">
        {fields.map((f) => (
          <Field key={f.spec.path} field={f} state={state} scope={scope} />
        ))}
      </div>
      <div className="flex items-center gap-3">
        <Button type="submit" disabled={pending}>
          {pending ? 'Saving…' : 'Save rule'}
        </Button>
      </div>
      <FormMessage state={state} />
    </form>
  );
}
