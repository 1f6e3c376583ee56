'use client';
// Line-item fields for organisations established outside the US (issue 16): "Subject to the EAR"
// (Yes / No / Don't know) and, for EU organisations, the EU control code — an Annex I code of
// Regulation (EU) 2021/821, or "Not listed"; left empty it means "not classified yet". Where the
// ECCN's code exists in Annex I (shared Wassenaar/MTCR/NSG/AG/CWC numbering), the field proposes it.
import { useState } from 'react';
import { Checkbox, ChoiceGroup, describedBy, FieldError, fieldIdFor, inputClass } from '@/components/ui/field';
import { SUBJECT_TO_EAR_LABEL, optionsOf } from '@/lib/labels';
import { ANNEX_I_VALID_FROM, proposeEuCode } from '@/lib/validation/eu-control-code';

type TProps = {
  /** form names are keyed by the row ("lineItems.3.…"), ids and errors by position ("lineItems.0.…") */
  rowName: string;
  path: string;
  eu: boolean;
  eccn: string;
  initialSubjectToEar: string | null | undefined;
  initialEuCode: string | null | undefined;
  err: (path: string) => string[] | undefined;
};

export function ExporterRegimeFields({ rowName, path, eu, eccn, initialSubjectToEar, initialEuCode, err }: TProps) {
  const id = fieldIdFor(`${path}.euControlCode`);
  const [code, setCode] = useState(initialEuCode && initialEuCode !== 'NOT_LISTED' ? initialEuCode : '');
  const [notListed, setNotListed] = useState(initialEuCode === 'NOT_LISTED');
  const proposal = proposeEuCode(eccn.trim());
  const errors = err(`${path}.euControlCode`);
  const invalid = !!errors?.length;
  const help = `An entry of Annex I to Regulation (EU) 2021/821 (consolidated ${ANNEX_I_VALID_FROM}), e.g. 2B001.a or 5A002.a. Leave it empty if the item is not classified yet.`;
  return (
    <div className="space-y-5 rounded-md border border-indigo-100 bg-white p-4">
      <ChoiceGroup name={`${rowName}.subjectToEar`} id={fieldIdFor(`${path}.subjectToEar`)} legend="Subject to the EAR"
        help="Yes if the item is of US origin, has US-controlled content above de minimis, or is a foreign direct product of US technology. Then the US rules apply too."
        options={optionsOf(SUBJECT_TO_EAR_LABEL)} defaultValue={initialSubjectToEar ?? undefined} errors={err(`${path}.subjectToEar`)} />
      {eu ? (
        <div>
          <label htmlFor={id} className="block text-sm font-medium text-slate-800">EU control code</label>
          <p id={`${id}-help`} className="mt-0.5 text-xs text-slate-500">{help}</p>
          <div className="mt-1.5 flex flex-wrap items-center gap-x-6 gap-y-2">
            <input id={id} name={`${rowName}.euControlCode`} value={code} onChange={(e) => setCode(e.currentTarget.value)} disabled={notListed}
              autoComplete="off" spellCheck={false} aria-invalid={invalid || undefined} aria-describedby={[describedBy(id, help, errors), `${id}-proposal`].filter(Boolean).join(' ')}
              className={`${inputClass} max-w-48 font-mono ${invalid ? 'border-red-500' : 'border-slate-300'}`} />
            {/* disabled inputs are not sent: a hidden twin says the field was on the form */}
            {notListed ? <input type="hidden" name={`${rowName}.euControlCode`} value="" /> : null}
            <Checkbox name={`${rowName}.euNotListed`} id={fieldIdFor(`${path}.euNotListed`)} label="Not listed in Annex I" checked={notListed} onChange={(e) => setNotListed(e.currentTarget.checked)} />
          </div>
          <p id={`${id}-proposal`} aria-live="polite" className="mt-1 min-h-5 text-xs">
            {proposal && !notListed && code.trim() !== proposal ? (
              <span className="text-slate-600">
                The ECCN’s code exists in Annex I: {proposal}.{' '}
                <button type="button" className="font-medium text-indigo-700 underline hover:text-indigo-900" onClick={() => setCode(proposal)}>
                  Use {proposal}
                </button>
              </span>
            ) : null}
          </p>
          <FieldError id={id} errors={errors} />
        </div>
      ) : null}
    </div>
  );
}
