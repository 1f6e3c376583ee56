'use client';
// The ECCN field: a code, or "not classified yet" (sends null). As the exporter types, the code is
// checked (debounced) against the active rule set's Commerce Control List via /api/eccn; the server
// checks again on submit, so this is a convenience, not the protection.
import { useEffect, useState } from 'react';
import { Checkbox, describedBy, FieldError, fieldIdFor, inputClass } from '@/components/ui/field';

type TCheck = { state: 'idle' | 'checking' } | { state: 'known'; title?: string } | { state: 'unknown'; message: string };

/** `name`: the input's form name ("lineItems.3.eccn"); `path`: its schema path for the id and error links ("lineItems.0.eccn"). */
export function EccnField({
  name,
  path = name,
  defaultValue,
  errors,
  onCodeChange,
}: {
  name: string;
  path?: string;
  defaultValue: string | null;
  errors?: string[];
  /** the code as typed ("" when not classified) */ onCodeChange?: (code: string) => void;
}) {
  const id = fieldIdFor(path);
  const unclassifiedName = name.replace(/eccn$/, 'eccnUnclassified');
  const [code, setCode] = useState(defaultValue ?? '');
  const [unclassified, setUnclassified] = useState(defaultValue === null);
  // The last answer from the server, for the value it answered; anything else is idle or in flight.
  const [checked, setChecked] = useState<{ value: string; result: TCheck } | null>(null);
  const value = code.trim();
  const check: TCheck = unclassified || value === '' ? { state: 'idle' } : checked?.value === value ? checked.result : { state: 'checking' };

  useEffect(() => {
    if (unclassified || value === '') return;
    const controller = new AbortController();
    const timer = setTimeout(async () => {
      try {
        const res = await fetch(`/api/eccn?code=${encodeURIComponent(value)}`, { signal: controller.signal });
        if (!res.ok) return setChecked({ value, result: { state: 'idle' } });
        const body = (await res.json()) as { known: boolean; title?: string; message?: string };
        setChecked({
          value,
          result: body.known
            ? { state: 'known', title: body.title }
            : { state: 'unknown', message: body.message ?? `${value} is not on the Commerce Control List` },
        });
      } catch {
        if (!controller.signal.aborted) setChecked({ value, result: { state: 'idle' } });
      }
    }, 350);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [value, unclassified]);

  const invalid = !!errors?.length;
  const help = 'EAR99, or the Export Control Classification Number from the Commerce Control List, e.g. 3A981 or 5A001.j.';
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        ECCN
      </label>
      <p id={`${id}-help`} className="mt-0.5 text-xs text-slate-500">
        {help}
      </p>
      <div className="mt-1.5 flex flex-wrap items-center gap-x-6 gap-y-2">
        <input
          id={id}
          name={name}
          value={code}
          onChange={(e) => {
            setCode(e.currentTarget.value);
            onCodeChange?.(e.currentTarget.value);
          }}
          disabled={unclassified}
          autoComplete="off"
          spellCheck={false}
          aria-invalid={invalid || undefined}
          aria-describedby={[describedBy(id, help, errors), `${id}-check`].filter(Boolean).join(' ')}
          className={`${inputClass} max-w-48 font-mono ${invalid ? 'border-red-500' : 'border-slate-300'}`}
        />
        <Checkbox
          name={unclassifiedName}
          id={fieldIdFor(unclassifiedName)}
          label="Not classified yet"
          checked={unclassified}
          onChange={(e) => {
            setUnclassified(e.currentTarget.checked);
            onCodeChange?.(e.currentTarget.checked ? '' : code);
          }}
        />
      </div>
      <p id={`${id}-check`} aria-live="polite" className="mt-1 min-h-5 text-xs" hidden={invalid && check.state === 'unknown'}>
        {check.state === 'checking' ? <span className="text-slate-500">Checking the Commerce Control List…</span> : null}
        {check.state === 'known' ? <span className="text-emerald-800">✓ {check.title ?? 'On the Commerce Control List'}</span> : null}
        {check.state === 'unknown' ? <span className="text-amber-800">{check.message}</span> : null}
      </p>
      <FieldError id={id} errors={errors} />
    </div>
  );
}
