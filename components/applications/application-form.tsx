'use client';
// The one application form (new, edit, resubmit). Inputs are uncontrolled and the form is sent with
// preventDefault + the server action, so nothing typed is ever reset: after an error every value is
// still in the DOM, every field error sits next to its field, and a summary at the top takes focus.
import { useEffect, useRef, useState, useTransition, type FormEvent } from 'react';
import { unstable_rethrow } from 'next/navigation';
import { saveApplication, type TSaveState } from '@/app/(exporter)/applications/actions';
import { IDLE } from '@/lib/action-state';
import { Button } from '@/components/ui/button';
import { Checkbox, ChoiceGroup, fieldIdFor, Select, Textarea, TextInput } from '@/components/ui/field';
import { CountryCombobox, CountryOptions } from '@/components/ui/country-combobox';
import { EMPTY_LINE_ITEM, MAX_LINE_ITEMS, RED_FLAGS, type TApplicationDraftData, type TLineItemDraft } from '@/lib/validation/application';
import {
  CONSENT_LABEL,
  CONSIGNEE_ROLE_LABEL,
  END_USE_LABEL,
  END_USER_TYPE_LABEL,
  MATCHING_MODE_LABEL,
  MODALITY_LABEL,
  optionsOf,
  PRODUCT_KIND_LABEL,
} from '@/lib/labels';
import { LICENCE_EXCEPTIONS } from '@/lib/screening/licence-exception-catalog';
import { EccnField } from './eccn-field';
import { ExporterRegimeFields } from './eu-fields';

const COUNTRY_LIST = 'country-options';
const LICENCE_EXCEPTION_OPTIONS = LICENCE_EXCEPTIONS.map((e) => ({
  value: e.symbol,
  label: `${e.symbol} — ${e.title.replace(/\s*\([A-Z]{3}\)$/, '')} (§ ${e.section})`,
}));
const YES_NO = [
  { value: 'yes', label: 'Yes' },
  { value: 'no', label: 'No' },
];
const yesNoValue = (b: boolean | undefined) => (b === true ? 'yes' : b === false ? 'no' : undefined);

type TProps = {
  id?: string;
  version?: number;
  initial: TApplicationDraftData;
  /** INFO_REQUESTED: the submit button says "Resubmit" */
  resubmission?: boolean;
  justSaved?: boolean;
  /** New applications: a one-time token, so a double submit finds the first one's application. */
  submissionToken?: string;
  /** the organisation's country of establishment and whether it is an EU member state (issue 16); absent = US */
  exporter?: { country: string; eu: boolean };
};

function Section({ title, description, children }: { title: string; description?: string; children: React.ReactNode }) {
  return (
    <section className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm" aria-labelledby={`${title.replace(/\W+/g, '-')}-h`}>
      <h2 id={`${title.replace(/\W+/g, '-')}-h`} className="text-base font-semibold text-slate-900">
        {title}
      </h2>
      {description ? <p className="mt-1 text-sm text-slate-600">{description}</p> : null}
      <div className="mt-5 space-y-5">{children}</div>
    </section>
  );
}

/**
 * One line item's fields, in a group named "Line item N". Inputs are named by the row's key (stable
 * across add/remove, so nothing typed moves) and identified by its position (so error links and
 * messages match the schema's "lineItems.N.field" paths).
 */
function LineItemFields({
  rowKey,
  position,
  initial,
  err,
  canRemove,
  onRemove,
  exporter,
}: {
  rowKey: number;
  position: number;
  initial: TLineItemDraft;
  err: (path: string) => string[] | undefined;
  canRemove: boolean;
  onRemove: () => void;
  exporter?: { country: string; eu: boolean };
}) {
  const [biometric, setBiometric] = useState(initial.biometric !== null);
  const [eccn, setEccn] = useState(initial.eccn ?? '');
  const n = `lineItems.${rowKey}`;
  const p = `lineItems.${position}`;
  const id = (field: string) => fieldIdFor(`${p}.${field}`);
  const bio = initial.biometric;
  const title = `Line item ${position + 1}`;
  return (
    <fieldset className="rounded-md border border-slate-200 bg-slate-50 p-4 sm:p-5" aria-labelledby={`${id('group')}-legend`} data-testid="line-item">
      <legend className="flex w-full items-center justify-between gap-3">
        <span id={`${id('group')}-legend`} className="text-sm font-semibold text-slate-900">
          {title}
        </span>
        {canRemove ? (
          <Button variant="ghost" size="sm" aria-label={`Remove line item ${position + 1}`} onClick={onRemove}>
            Remove line item
          </Button>
        ) : null}
      </legend>
      <div className="mt-4 space-y-5">
        <TextInput name={`${n}.name`} id={id('name')} label="Product name" defaultValue={initial.name} errors={err(`${p}.name`)} maxLength={200} />
        <Textarea
          name={`${n}.description`}
          id={id('description')}
          label="Description"
          help="What it is and what it does, in a few sentences."
          defaultValue={initial.description}
          errors={err(`${p}.description`)}
          rows={3}
        />
        <EccnField name={`${n}.eccn`} path={`${p}.eccn`} defaultValue={initial.eccn} errors={err(`${p}.eccn`)} onCodeChange={setEccn} />
        {exporter && exporter.country !== 'US' ? (
          <ExporterRegimeFields
            rowName={n}
            path={p}
            eu={exporter.eu}
            eccn={eccn}
            initialSubjectToEar={initial.subjectToEar}
            initialEuCode={initial.euControlCode}
            err={err}
          />
        ) : null}
        <div className="grid gap-5 sm:grid-cols-3">
          <Select
            name={`${n}.kind`}
            id={id('kind')}
            label="Product type"
            options={optionsOf(PRODUCT_KIND_LABEL)}
            defaultValue={initial.kind}
            errors={err(`${p}.kind`)}
          />
          <TextInput
            name={`${n}.quantity`}
            id={id('quantity')}
            label="Quantity"
            inputMode="decimal"
            defaultValue={String(initial.quantity)}
            errors={err(`${p}.quantity`)}
          />
          <TextInput
            name={`${n}.unitValueUsd`}
            id={id('unitValueUsd')}
            label="Unit value (USD)"
            inputMode="decimal"
            defaultValue={String(initial.unitValueUsd)}
            errors={err(`${p}.unitValueUsd`)}
          />
        </div>
        <Select
          name={`${n}.licenseExceptionClaimed`}
          id={id('licenseExceptionClaimed')}
          label="Licence exception claimed"
          optional
          placeholder="None claimed"
          help="A Part 740 licence exception you intend to use for this item; the screening says whether the data supports it."
          options={LICENCE_EXCEPTION_OPTIONS}
          defaultValue={initial.licenseExceptionClaimed ?? ''}
          errors={err(`${p}.licenseExceptionClaimed`)}
        />
        <Checkbox
          name={`${n}.isBiometric`}
          id={id('isBiometric')}
          label="Biometric product"
          help="Tick if it identifies or verifies people by face, fingerprint, iris, voice or gait."
          defaultChecked={biometric}
          onChange={(e) => setBiometric(e.currentTarget.checked)}
        />
        {/* Kept in the page when hidden, so unticking and ticking again loses nothing. */}
        <div hidden={!biometric} className="space-y-5 border-t border-slate-200 pt-5">
          <div>
            <h3 className="text-sm font-semibold text-slate-900">Biometric capabilities</h3>
            <p className="mt-0.5 text-xs text-slate-500">These answers decide which surveillance-technology policies apply.</p>
          </div>
          <div className="grid gap-5 sm:grid-cols-2">
            <Select
              name={`${n}.biometric.modality`}
              id={id('biometric.modality')}
              label="Modality"
              help="The trait it recognises people by."
              options={optionsOf(MODALITY_LABEL)}
              defaultValue={bio?.modality}
              errors={err(`${p}.biometric.modality`)}
            />
            <Select
              name={`${n}.biometric.matchingMode`}
              id={id('biometric.matchingMode')}
              label="Matching mode"
              help="1:1 verification checks one claimed identity (unlock a phone); 1:N identification searches a gallery for who someone is."
              options={optionsOf(MATCHING_MODE_LABEL)}
              defaultValue={bio?.matchingMode}
              errors={err(`${p}.biometric.matchingMode`)}
            />
            <TextInput
              name={`${n}.biometric.maxGallerySize`}
              id={id('biometric.maxGallerySize')}
              label="Maximum gallery size"
              help="How many enrolled identities it can search at once (a whole number)."
              inputMode="numeric"
              defaultValue={bio ? String(bio.maxGallerySize) : ''}
              errors={err(`${p}.biometric.maxGallerySize`)}
            />
            <Select
              name={`${n}.biometric.trainingDataConsent`}
              id={id('biometric.trainingDataConsent')}
              label="Training data consent"
              help="Whether the people in its training data agreed to that use."
              options={optionsOf(CONSENT_LABEL)}
              defaultValue={bio?.trainingDataConsent}
              errors={err(`${p}.biometric.trainingDataConsent`)}
            />
          </div>
          <ChoiceGroup
            name={`${n}.biometric.liveVideo`}
            id={id('biometric.liveVideo')}
            legend="Identifies people in live video"
            help="It can pick out people in live or streaming video, such as crowds on camera feeds."
            options={YES_NO}
            defaultValue={yesNoValue(bio?.liveVideo)}
            errors={err(`${p}.biometric.liveVideo`)}
          />
          <ChoiceGroup
            name={`${n}.biometric.remoteGalleryAccess`}
            id={id('biometric.remoteGalleryAccess')}
            legend="Remote gallery access"
            help="You (the vendor) host galleries or training data the customer reaches online."
            options={YES_NO}
            defaultValue={yesNoValue(bio?.remoteGalleryAccess)}
            errors={err(`${p}.biometric.remoteGalleryAccess`)}
          />
        </div>
      </div>
    </fieldset>
  );
}

export function ApplicationForm({ id, version: initialVersion, initial, resubmission = false, justSaved = false, submissionToken, exporter }: TProps) {
  const [state, setState] = useState<TSaveState>(justSaved ? { status: 'success', data: { version: initialVersion ?? 1, savedAt: '' } } : IDLE);
  const [version, setVersion] = useState(initialVersion);
  const [pending, startTransition] = useTransition();
  const [intent, setIntent] = useState<'draft' | 'submit' | null>(null);
  const nextItemKey = useRef(initial.lineItems.length);
  const [items, setItems] = useState(() => initial.lineItems.map((item, key) => ({ key, initial: item })));
  const nextKey = useRef(initial.consignees.length);
  const [consignees, setConsignees] = useState(() => initial.consignees.map((c, key) => ({ key, initial: c })));
  const summaryRef = useRef<HTMLDivElement>(null);
  const [submitCount, setSubmitCount] = useState(0);

  const errors = state.status === 'error' ? state.fieldErrors : {};
  const err = (path: string) => errors[path];

  // After every failed attempt, move focus to the summary so it is read out and the list is one Tab away.
  useEffect(() => {
    if (state.status === 'error' && submitCount > 0) summaryRef.current?.focus();
  }, [state, submitCount]);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
    const formData = new FormData(event.currentTarget, submitter);
    if (!formData.get('intent')) formData.set('intent', 'submit'); // Enter in a text field submits
    setIntent(formData.get('intent') === 'draft' ? 'draft' : 'submit');
    startTransition(async () => {
      let result: TSaveState;
      try {
        result = await saveApplication(state, formData);
      } catch (err) {
        // redirect()/notFound() from the action go on to Next; anything else is unexpected: the data
        // layer rolled back, so say plainly that nothing was stored.
        unstable_rethrow(err);
        result = {
          status: 'error',
          message: 'Something went wrong and nothing was saved. Your answers are still here; please try again.',
          fieldErrors: {},
          values: {},
        };
      }
      if (!result) return; // the action redirected
      if (result.status === 'success') setVersion(result.data.version);
      setState(result);
      setSubmitCount((n) => n + 1);
    });
  }

  // The summary lists errors in the order the fields appear on the page.
  const position = (path: string) => {
    if (typeof document === 'undefined') return 0;
    const el = document.getElementById(fieldIdFor(path));
    const all = Array.from(document.querySelectorAll('[id^="f-"]'));
    return el ? all.indexOf(el) : all.length;
  };
  const errorEntries = Object.entries(errors).sort(([a], [b]) => position(a) - position(b));

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-6" aria-describedby="form-status">
      {id ? <input type="hidden" name="id" value={id} /> : null}
      {!id && submissionToken ? <input type="hidden" name="submissionToken" value={submissionToken} /> : null}
      {version ? <input type="hidden" name="version" value={version} /> : null}
      <CountryOptions id={COUNTRY_LIST} />

      <div id="form-status">
        {state.status === 'error' ? (
          <div
            ref={summaryRef}
            tabIndex={-1}
            role="alert"
            aria-labelledby="error-summary-title"
            className="rounded-lg border border-red-300 bg-red-50 p-4 focus:outline-none focus-visible:ring-2 focus-visible:ring-red-500"
          >
            <h2 id="error-summary-title" className="text-sm font-semibold text-red-900">
              {state.message}
            </h2>
            {errorEntries.length > 0 ? (
              <ul className="mt-2 list-disc space-y-1 pl-5 text-sm text-red-800">
                {errorEntries.map(([path, messages]) => (
                  <li key={path}>
                    <a className="underline hover:text-red-950" href={`#${fieldIdFor(path)}`}>
                      {messages.join('; ')}
                    </a>
                  </li>
                ))}
              </ul>
            ) : null}
          </div>
        ) : null}
        {state.status === 'success' ? (
          <p role="status" className="rounded-lg border border-emerald-200 bg-emerald-50 px-4 py-3 text-sm text-emerald-900">
            Draft saved{state.data.savedAt ? ` at ${new Date(state.data.savedAt).toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' })}` : ''}.
            You can come back to it from Applications.
          </p>
        ) : null}
      </div>

      <Section
        title="Line items"
        description="Each product you are exporting, with its own classification; each is screened and decided on its own. Required fields are checked when you submit; a draft can be saved at any time."
      >
        {errors.lineItems ? (
          <p id={fieldIdFor('lineItems')} tabIndex={-1} className="text-sm text-red-700">
            {errors.lineItems.join('; ')}
          </p>
        ) : null}
        <ol className="space-y-5">
          {items.map((row, position) => (
            <li key={row.key}>
              <LineItemFields
                rowKey={row.key}
                position={position}
                initial={row.initial}
                err={err}
                canRemove={items.length > 1}
                exporter={exporter}
                onRemove={() => setItems((rows) => rows.filter((r) => r.key !== row.key))}
              />
            </li>
          ))}
        </ol>
        <Button
          variant="secondary"
          size="sm"
          disabled={items.length >= MAX_LINE_ITEMS}
          onClick={() => {
            const key = nextItemKey.current++;
            setItems((rows) => [...rows, { key, initial: { ...EMPTY_LINE_ITEM } }]);
            requestAnimationFrame(() => document.getElementsByName(`lineItems.${key}.name`)[0]?.focus());
          }}
        >
          Add line item
        </Button>
        {items.length >= MAX_LINE_ITEMS ? <p className="text-xs text-slate-500">An application carries at most {MAX_LINE_ITEMS} line items.</p> : null}
      </Section>

      <Section title="Destination and parties" description="Where the item goes and everyone who receives it on the way.">
        <div className="grid gap-5 sm:grid-cols-2">
          <CountryCombobox
            name="destination.country"
            label="Destination country"
            listId={COUNTRY_LIST}
            defaultValue={initial.destination.country}
            errors={err('destination.country')}
          />
          <TextInput
            name="destination.region"
            label="Destination region"
            optional
            help="ISO 3166-2 subdivision code, e.g. UA-43 for Crimea."
            defaultValue={initial.destination.region ?? ''}
            errors={err('destination.region')}
          />
        </div>
        <div className="grid gap-5 sm:grid-cols-2">
          <TextInput name="endUser.name" label="End user name" defaultValue={initial.endUser.name} errors={err('endUser.name')} />
          <CountryCombobox
            name="endUser.country"
            label="End user country"
            listId={COUNTRY_LIST}
            defaultValue={initial.endUser.country}
            errors={err('endUser.country')}
          />
        </div>
        <Textarea name="endUser.address" label="End user address" rows={2} defaultValue={initial.endUser.address} errors={err('endUser.address')} />
        <TextInput
          name="endUser.city"
          label="End user city"
          optional
          help="Where the end user is based; some cities restrict government use of facial recognition."
          defaultValue={initial.endUser.city ?? ''}
          errors={err('endUser.city')}
          className="sm:w-1/2"
          maxLength={100}
        />
        <Select
          name="endUser.type"
          label="End user type"
          options={optionsOf(END_USER_TYPE_LABEL)}
          defaultValue={initial.endUser.type}
          errors={err('endUser.type')}
          className="sm:w-1/2"
        />

        <div className="border-t border-slate-200 pt-5">
          <h3 className="text-sm font-semibold text-slate-900">Consignees</h3>
          <p className="mt-0.5 text-xs text-slate-500">Intermediate consignees (forwarders, integrators) and the ultimate consignee, if not the end user.</p>
          {errors.consignees ? <p className="mt-1 text-sm text-red-700">{errors.consignees.join('; ')}</p> : null}
          <ol className="mt-3 space-y-3">
            {consignees.map((row, position) => (
              <li key={row.key} className="rounded-md border border-slate-200 bg-slate-50 p-4">
                <fieldset>
                  <legend className="sr-only">Consignee {position + 1}</legend>
                  <div className="grid gap-4 sm:grid-cols-[2fr_2fr_1.5fr_auto] sm:items-start">
                    <TextInput
                      name={`consignees.${row.key}.name`}
                      id={fieldIdFor(`consignees.${position}.name`)}
                      label="Consignee name"
                      defaultValue={row.initial.name}
                      errors={err(`consignees.${position}.name`)}
                    />
                    <CountryCombobox
                      name={`consignees.${row.key}.country`}
                      id={fieldIdFor(`consignees.${position}.country`)}
                      label="Consignee country"
                      help="Type to search"
                      listId={COUNTRY_LIST}
                      defaultValue={row.initial.country}
                      errors={err(`consignees.${position}.country`)}
                    />
                    <Select
                      name={`consignees.${row.key}.role`}
                      id={fieldIdFor(`consignees.${position}.role`)}
                      label="Consignee role"
                      options={optionsOf(CONSIGNEE_ROLE_LABEL)}
                      defaultValue={row.initial.role}
                      errors={err(`consignees.${position}.role`)}
                    />
                    <Button
                      variant="ghost"
                      size="sm"
                      className="sm:mt-7"
                      aria-label={`Remove consignee ${position + 1}`}
                      onClick={() => setConsignees((rows) => rows.filter((r) => r.key !== row.key))}
                    >
                      Remove
                    </Button>
                  </div>
                </fieldset>
              </li>
            ))}
          </ol>
          <Button
            variant="secondary"
            size="sm"
            className="mt-3"
            disabled={consignees.length >= 20}
            onClick={() => {
              const key = nextKey.current++;
              setConsignees((rows) => [...rows, { key, initial: { name: '', country: '', role: '' } }]);
              // Focus the new row's name so keyboard users carry on typing there.
              requestAnimationFrame(() => document.getElementsByName(`consignees.${key}.name`)[0]?.focus());
            }}
          >
            Add consignee
          </Button>
        </div>
      </Section>

      <Section title="End use" description="What the end user will do with the item.">
        <Select
          name="endUse.category"
          label="End-use category"
          options={optionsOf(END_USE_LABEL)}
          defaultValue={initial.endUse.category}
          errors={err('endUse.category')}
          className="sm:w-1/2"
        />
        <Textarea name="endUse.description" label="End-use description" rows={3} defaultValue={initial.endUse.description} errors={err('endUse.description')} />
      </Section>

      <Section
        title="Declarations"
        description="Tick every warning sign you have seen in this transaction (“Know Your Customer” red flags, Supp. 3 to 15 CFR Part 732). Any ticked flag sends the case to a reviewer."
      >
        <fieldset>
          <legend className="sr-only">Know-your-customer red flags</legend>
          <div className="grid gap-3 sm:grid-cols-2">
            {Object.entries(RED_FLAGS).map(([code, words]) => (
              <Checkbox key={code} name="redFlags" id={`f-redFlags-${code}`} value={code} label={words} defaultChecked={initial.redFlags.includes(code)} />
            ))}
          </div>
        </fieldset>
      </Section>

      <div className="sticky bottom-0 -mx-2 flex flex-wrap items-center gap-3 border-t border-slate-200 bg-slate-50/95 px-2 py-4 backdrop-blur">
        <Button type="submit" name="intent" value="submit" disabled={pending}>
          {pending && intent === 'submit' ? 'Screening…' : resubmission ? 'Resubmit' : 'Submit application'}
        </Button>
        <Button type="submit" name="intent" value="draft" variant="secondary" disabled={pending}>
          {pending && intent === 'draft' ? 'Saving…' : 'Save draft'}
        </Button>
        <p className="text-xs text-slate-500">Submitting screens the application against the current rules and sends it to a reviewer.</p>
      </div>
    </form>
  );
}
