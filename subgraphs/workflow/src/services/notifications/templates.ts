import type { StepName } from '../../entities/enums.js';
import type { NotificationEvent } from '../../entities/notification-enums.js';
import type { NotificationFacts } from './recipients.js';
import type { Trigger } from './triggers.js';

/** A rendered message: the in-app title/body and the e-mail's subject, text and HTML. */
export interface RenderedMessage {
  title: string;
  body: string;
  subject: string;
  text: string;
  html: string;
}

const STEP_LABELS: Record<StepName, string> = {
  SAMPLE_QC: 'Sample QC', LIBRARY_PREP: 'Library Preparation', LIBRARY_QC: 'Library QC', SEQUENCING_SETUP: 'Sequencing Setup',
  SEQUENCING_RUN: 'Sequencing Run', BASECALLING: 'Basecalling', QUALITY_ASSESSMENT: 'Quality Assessment', DATA_DELIVERY: 'Data Delivery',
};

export const stepLabel = (step: StepName | null) => (step ? STEP_LABELS[step] : 'a step');

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** One template's content: a headline, a paragraph and the facts listed under it. */
interface Content { title: string; lead: string; rows: [string, string][] }

function sampleLabel(f: NotificationFacts): string {
  if (!f.sample) return f.submission?.number ? `submission ${f.submission.number}` : 'your submission';
  return f.sample.number !== null ? `${f.sample.name} (#${f.sample.number})` : f.sample.name;
}

/** The rows every message about a sample or submission carries. */
function factRows(f: NotificationFacts): [string, string][] {
  const rows: [string, string][] = [];
  if (f.sample) rows.push(['Sample', sampleLabel(f)], ['Sample ID', f.sample.id]);
  if (f.sample?.sampleType) rows.push(['Sample type', f.sample.sampleType]);
  if (f.sample?.priority) rows.push(['Priority', f.sample.priority]);
  if (f.submission) rows.push(['Submission', f.submission.number ?? f.submission.id]);
  if (f.labName ?? f.labId) rows.push(['Lab', f.labName ?? f.labId!]);
  return rows;
}

type Details = Record<string, any>;

const TEMPLATES: Record<NotificationEvent, (t: Trigger, f: NotificationFacts, d: Details) => Content> = {
  SAMPLE_RECEIVED: (_t, f, d) => ({
    title: `Samples received: ${f.submission?.number ?? sampleLabel(f)}`,
    lead: `The sequencing core has received ${f.submission?.number ? `submission ${f.submission.number}` : sampleLabel(f)}. Work starts with Sample QC; you will hear from us as it progresses.`,
    rows: [['Received at', String(d.receivedAt ?? '')]],
  }),
  QC_FAILED: (t, f, d) => ({
    title: `${stepLabel(t.step)} failed: ${sampleLabel(f)}`,
    lead: `${sampleLabel(f)} did not pass ${stepLabel(t.step)}. The core will contact you about re-work or a replacement sample.`,
    rows: [['Step', stepLabel(t.step)], ...(d.reason ? [['Reason', String(d.reason)] as [string, string]] : [])],
  }),
  STEP_COMPLETED: (t, f, d) => ({
    title: `${stepLabel(t.step)} completed: ${sampleLabel(f)}`,
    lead: `${stepLabel(t.step)} is complete for ${sampleLabel(f)}.`,
    rows: [['Step', stepLabel(t.step)], ['Progress', `${Math.round(Number(d.progress ?? 0) * 100)}%`]],
  }),
  SAMPLE_OVERDUE: (t, f, d) => ({
    title: `Overdue: ${sampleLabel(f)}`,
    lead: `${sampleLabel(f)} is past its turnaround target${t.step ? ` at ${stepLabel(t.step)}` : ''}.`,
    rows: [['Due', String(d.dueAt ?? '')], ['Hours late', String(d.hoursLate ?? '')]],
  }),
  DATA_DELIVERED: (_t, f, d) => {
    const delivery = (d.results ?? {}) as { method?: string; location?: string; files?: { path: string }[] };
    return {
      title: `Data delivered: ${sampleLabel(f)}`,
      lead: `The sequencing data of ${sampleLabel(f)} is ready${delivery.location ? ` at ${delivery.location}` : ''}.`,
      rows: [
        ...(delivery.method ? [['Delivery method', delivery.method] as [string, string]] : []),
        ...(delivery.location ? [['Location', delivery.location] as [string, string]] : []),
        ...(delivery.files?.length ? [['Files', delivery.files.map((x) => x.path).join(', ')] as [string, string]] : []),
      ],
    };
  },
  INTAKE_COMMITTED: (_t, f, d) => ({
    title: `Intake committed: ${f.submission?.number ?? 'new submission'}`,
    lead: `An intake was committed${d.sampleCount !== null && d.sampleCount !== undefined ? ` with ${d.sampleCount} samples` : ''}; the samples are waiting for the core.`,
    rows: d.intakeJobId ? [['Intake job', String(d.intakeJobId)]] : [],
  }),
  EXTRACTION_NEEDS_REVIEW: (_t, f, d) => ({
    title: `Extraction needs review: ${f.submission?.number ?? 'submission form'}`,
    lead: `The form reader is unsure of ${d.needsReviewCount} field(s); please check them before the submission is committed.`,
    rows: [['Extraction job', String(d.extractionJobId)], ...(Array.isArray(d.fields) ? [['Fields', d.fields.join(', ')] as [string, string]] : [])],
  }),
};

/** Renders the trigger's template; the unsubscribe link is added per recipient by `withUnsubscribe`. */
export function render(trigger: Trigger, facts: NotificationFacts): RenderedMessage {
  const content = TEMPLATES[trigger.event](trigger, facts, trigger.details);
  const rows = [...factRows(facts), ...content.rows].filter(([, v]) => v !== '');
  const text = [content.lead, '', ...rows.map(([k, v]) => `${k}: ${v}`)].join('\n');
  const html = `<!doctype html><html><body style="font-family:sans-serif">`
    + `<h2>${escapeHtml(content.title)}</h2><p>${escapeHtml(content.lead)}</p>`
    + `<table>${rows.map(([k, v]) => `<tr><th align="left">${escapeHtml(k)}</th><td>${escapeHtml(v)}</td></tr>`).join('')}</table>`
    + `</body></html>`;
  return { title: content.title, body: text, subject: `[Nanopore core] ${content.title}`, text, html };
}

/** Adds the footer with the recipient's unsubscribe link to both bodies. */
export function withUnsubscribe(message: RenderedMessage, url: string): { subject: string; text: string; html: string } {
  return {
    subject: message.subject,
    text: `${message.text}\n\n--\nYou receive this because of your samples at the sequencing core.\nUnsubscribe: ${url}\n`,
    html: message.html.replace('</body>', `<hr><p style="font-size:small">You receive this because of your samples at the sequencing core. `
      + `<a href="${escapeHtml(url)}">Unsubscribe</a></p></body>`),
  };
}

/** A daily digest of several messages for one recipient. */
export function renderDigest(items: { subject: string; text: string }[], url: string): { subject: string; text: string; html: string } {
  const subject = `[Nanopore core] Daily digest: ${items.length} notification${items.length === 1 ? '' : 's'}`;
  const text = items.map((i) => `* ${i.subject}\n${i.text}`).join('\n\n');
  const html = `<!doctype html><html><body style="font-family:sans-serif"><h2>${escapeHtml(subject)}</h2>`
    + items.map((i) => `<h3>${escapeHtml(i.subject)}</h3><pre>${escapeHtml(i.text)}</pre>`).join('') + `</body></html>`;
  return withUnsubscribe({ title: subject, body: text, subject, text, html }, url);
}
