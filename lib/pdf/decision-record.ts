// The decision record: a one-to-two page PDF (pdf-lib, standard Helvetica) with the application
// summary, the findings with citations, the decision, the officers, the times and the rule-set
// version. Text the standard font cannot encode (e.g. Cyrillic) is transliterated or replaced, never
// dropped silently: a "?" marks it. Longer content is cut at two pages with a pointer to the case file.
import { PDFDocument, StandardFonts, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import { formatCount, formatDate, formatDateTime, formatMoney, formatNumber } from '@/lib/format';
import { countryLabel } from '@/lib/countries';
import {
  BASIS_LABEL,
  CONSIGNEE_ROLE_LABEL,
  DECISION_LABEL,
  END_USE_LABEL,
  END_USER_TYPE_LABEL,
  KIND_LABEL,
  OUTCOME_LABEL,
  PRODUCT_KIND_LABEL,
  REGIME_LABEL,
  STATUS_LABEL,
  datasetLabel,
  labelOf,
} from '@/lib/labels';
import { groupByRegime, regimeOf } from '@/lib/cases/regimes';
import type { TDataset } from '@/lib/screening/types';
import type { TDecisionRecord } from '@/lib/data/cases';
import { OUTCOME_RANK } from '@/lib/screening/outcome';
import { storedApplicationInput } from '@/lib/validation/application';

const A4: [number, number] = [595.28, 841.89];
const MARGIN = 50;
const MAX_PAGES = 2;
const INK = rgb(0.09, 0.11, 0.16);
const MUTED = rgb(0.38, 0.42, 0.49);
const RULE = rgb(0.85, 0.87, 0.9);

const iso = (d: Date | null | undefined) => formatDateTime(d, '-');

class Writer {
  private page!: PDFPage;
  private y = 0;
  private pages = 0;
  truncated = false;
  private readonly encodable = new Map<string, boolean>();

  constructor(
    private readonly doc: PDFDocument,
    private readonly font: PDFFont,
    private readonly bold: PDFFont,
    private readonly footer: string,
  ) {
    this.newPage();
  }

  private newPage(): boolean {
    if (this.pages >= MAX_PAGES) return false;
    this.page = this.doc.addPage(A4);
    this.pages += 1;
    this.y = A4[1] - MARGIN;
    this.page.drawText(this.clean(`${this.footer} · page ${this.pages}`), { x: MARGIN, y: 28, size: 8, font: this.font, color: MUTED });
    return true;
  }

  /** Characters Helvetica (WinAnsi) can draw; others are decomposed or replaced with "?". */
  clean(text: string): string {
    let out = '';
    for (const ch of text.replace(/[\r\t]/g, ' ')) {
      let ok = this.encodable.get(ch);
      if (ok === undefined) {
        try {
          this.font.encodeText(ch);
          ok = true;
        } catch {
          ok = false;
        }
        this.encodable.set(ch, ok);
      }
      if (ok) out += ch;
      else {
        const base = ch.normalize('NFKD').replace(/\p{M}/gu, '');
        out += base && base !== ch && [...base].every((b) => this.encodable.get(b) ?? false) ? base : ch === '≈' ? '~' : '?';
      }
    }
    return out;
  }

  private wrap(text: string, font: PDFFont, size: number, width: number): string[] {
    const lines: string[] = [];
    for (const paragraph of this.clean(text).split('\n')) {
      let line = '';
      for (const word of paragraph.split(/\s+/).filter(Boolean)) {
        const candidate = line ? `${line} ${word}` : word;
        if (font.widthOfTextAtSize(candidate, size) <= width) line = candidate;
        else {
          if (line) lines.push(line);
          let rest = word;
          while (font.widthOfTextAtSize(rest, size) > width && rest.length > 1) {
            let cut = rest.length - 1;
            while (cut > 1 && font.widthOfTextAtSize(rest.slice(0, cut), size) > width) cut--;
            lines.push(rest.slice(0, cut));
            rest = rest.slice(cut);
          }
          line = rest;
        }
      }
      lines.push(line);
    }
    return lines;
  }

  private ensure(height: number): boolean {
    if (this.truncated) return false;
    if (this.y - height >= MARGIN) return true;
    if (this.newPage()) return true;
    this.truncated = true;
    return false;
  }

  text(text: string, o: { size?: number; bold?: boolean; color?: ReturnType<typeof rgb>; indent?: number; gap?: number } = {}) {
    const size = o.size ?? 9.5;
    const font = o.bold ? this.bold : this.font;
    const x = MARGIN + (o.indent ?? 0);
    const lineHeight = size * 1.3;
    for (const line of this.wrap(text, font, size, A4[0] - MARGIN - x)) {
      if (!this.ensure(lineHeight)) return;
      this.y -= lineHeight;
      this.page.drawText(line, { x, y: this.y, size, font, color: o.color ?? INK });
    }
    this.y -= o.gap ?? 0;
  }

  /** "Label: value" on one line, label in grey. */
  field(label: string, value: string) {
    const size = 9.5;
    const labelWidth = 120;
    const lines = this.wrap(value || '-', this.font, size, A4[0] - 2 * MARGIN - labelWidth);
    lines.forEach((line, i) => {
      if (!this.ensure(size * 1.3)) return;
      this.y -= size * 1.3;
      if (i === 0) this.page.drawText(this.clean(label), { x: MARGIN, y: this.y, size, font: this.font, color: MUTED });
      this.page.drawText(line, { x: MARGIN + labelWidth, y: this.y, size, font: this.font, color: INK });
    });
  }

  heading(text: string) {
    if (!this.ensure(34)) return;
    this.y -= 14;
    this.page.drawLine({ start: { x: MARGIN, y: this.y }, end: { x: A4[0] - MARGIN, y: this.y }, thickness: 0.6, color: RULE });
    this.y -= 4;
    this.text(text, { size: 11.5, bold: true, gap: 3 });
  }

  get remainingOnLastPage() {
    return this.pages < MAX_PAGES ? Infinity : this.y - MARGIN;
  }
}

export async function renderDecisionRecord(record: TDecisionRecord, generatedAt = new Date()): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.setTitle(`Decision record ${record.reference}`);
  doc.setSubject('Clearance export-licence screening decision record');
  doc.setProducer('Clearance');
  doc.setCreationDate(generatedAt);
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  const w = new Writer(doc, font, bold, `Clearance decision record ${record.reference} · generated ${iso(generatedAt)}`);
  const data = storedApplicationInput(record.data);
  const run = record.latestRun;
  const d = record.decision;

  w.text('Decision record', { size: 18, bold: true });
  w.text(`${record.reference} · ${record.organization.name}`, { size: 11, color: MUTED, gap: 6 });
  w.field('Status', STATUS_LABEL[record.status]);
  w.field('Screening outcome', record.outcome ? OUTCOME_LABEL[record.outcome] : 'Not screened');
  w.field('Rule-set version', run ? `${run.ruleSetVersion.label} (screened ${iso(run.createdAt)})` : '-');
  if (record.organization.country) w.field('Exporter established in', countryLabel(record.organization.country));
  if (run) {
    // issue 16: which regimes were screened, each with its worst outcome and the dates of its data
    const datasets = (Array.isArray(run.ruleSetVersion.datasets) ? run.ruleSetVersion.datasets : []) as TDataset[];
    w.heading('Regimes screened');
    for (const g of groupByRegime(run.findings, { exporterCountry: record.organization.country, datasets })) {
      const dates = g.datasets.length ? ` · data: ${g.datasets.map((x) => `${datasetLabel(x.kind)} ${x.asOf}`).join(', ')}` : '';
      w.text(
        `${REGIME_LABEL[g.regime]}: ${g.worst ? OUTCOME_LABEL[g.worst] : 'nothing found'} (${g.findings.length} finding${g.findings.length === 1 ? '' : 's'})${dates}${g.note ? ` · ${g.note}` : ''}`,
        { size: 8.5 },
      );
    }
  }

  w.heading('Application');
  w.field('Destination', `${countryLabel(data.destination.country)}${data.destination.region ? `, region ${data.destination.region}` : ''}`);
  w.field('End user', `${data.endUser.name} (${labelOf(END_USER_TYPE_LABEL, data.endUser.type)}, ${countryLabel(data.endUser.country)})`);
  if (data.consignees.length)
    w.field('Consignees', data.consignees.map((c) => `${c.name} (${labelOf(CONSIGNEE_ROLE_LABEL, c.role)}, ${c.country})`).join('; '));
  w.field('End use', `${labelOf(END_USE_LABEL, data.endUse.category)}: ${data.endUse.description}`);
  w.field('Submitted', `${iso(record.submittedAt)} by ${record.submittedBy?.name ?? '-'}${record.submittedBy ? ` <${record.submittedBy.email}>` : ''}`);

  w.heading(`Line items (${record.lineItems.length})`);
  for (const item of record.lineItems) {
    w.text(
      `${item.position + 1}. ${item.productName} (${labelOf(PRODUCT_KIND_LABEL, item.kind)}) · ECCN ${item.eccn ?? 'not classified'} · ${formatNumber(item.quantity)} × ${formatMoney(item.unitValueUsd)}`,
      { bold: true, size: 9.5 },
    );
    const dec = item.decision;
    const words = !dec
      ? 'No item decision recorded'
      : dec.type === 'APPROVE'
        ? `Approved${dec.licenseReference ? `; licence ${dec.licenseReference}${dec.licenseExpiresAt ? ` valid until ${formatDate(dec.licenseExpiresAt)}` : ''}` : ''}${dec.conditions ? `; conditions: ${dec.conditions}` : ''}`
        : `Refused${dec.reason ? `: ${dec.reason}` : ''}`;
    w.text(`Screening outcome: ${item.outcome ? OUTCOME_LABEL[item.outcome] : '-'} · Decision: ${words}`, { indent: 10 });
  }

  w.heading('Decision');
  if (!d) {
    w.text('No final decision has been recorded yet.', { color: MUTED });
  } else {
    w.field('Decision', DECISION_LABEL[d.type]);
    w.field('Decided by', `${d.officer.name} <${d.officer.email}>, ${iso(d.createdAt)}`);
    if (d.requiresCountersignature) {
      w.field(
        'Countersigned by',
        d.countersignedBy ? `${d.countersignedBy.name} <${d.countersignedBy.email}>, ${iso(d.countersignedAt)}` : 'Awaiting countersignature',
      );
    }
    if (d.licenseReference) w.field('Licence reference', d.licenseReference);
    if (d.licenseExpiresAt) w.field('Licence valid until', formatDate(d.licenseExpiresAt));
    if (d.conditions) w.field('Conditions', d.conditions);
    if (d.reason) w.field('Reason', d.reason);
    if (!record.forExporter && d.note) w.field('Decision note (internal)', d.note);
    w.field('Case decided', iso(record.decidedAt));
  }

  w.heading(`Findings${run ? ` (${run.findings.length})` : ''}`);
  const findings = [...(run?.findings ?? [])].sort((a, b) => OUTCOME_RANK[b.outcome] - OUTCOME_RANK[a.outcome]);
  findings.forEach((f, i) => {
    if (w.truncated) return;
    if (w.remainingOnLastPage < 60) {
      w.text(`${formatCount(findings.length - i, 'further finding')} ${findings.length - i === 1 ? 'is' : 'are'} listed in the case file.`, { color: MUTED });
      w.truncated = true;
      return;
    }
    w.text(`${OUTCOME_LABEL[f.outcome]} · ${REGIME_LABEL[regimeOf(f)]} · ${KIND_LABEL[f.kind] ?? f.kind} · ${BASIS_LABEL[f.basis] ?? f.basis}`, {
      bold: true,
      size: 9.5,
    });
    w.text(f.message, { indent: 10 });
    w.text(`Citation: ${f.citation || '-'}${f.licensePolicy ? ` · Licence policy: ${f.licensePolicy}` : ''}`, { indent: 10, size: 8.5, color: MUTED });
    if (f.cleared) w.text(`Cleared by ${f.cleared.by} on ${f.cleared.at.slice(0, 10)}: ${f.cleared.justification}`, { indent: 10, size: 8.5, color: MUTED });
    w.text('', { size: 3 });
  });
  if (!w.truncated) {
    w.text('', { size: 6 });
    w.text(
      'Clearance supports compliance decisions; it is not legal advice. Check determinations against the current EAR (eCFR), the Federal Register, BIS and OFAC, and for EU exporters the Official Journal of the EU (Regulation (EU) 2021/821; Annex I (c) European Union, reused with acknowledgement).',
      { size: 8, color: MUTED },
    );
  }
  return doc.save();
}
