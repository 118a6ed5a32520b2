import { isOverdue, type RegisterEntry } from './entry.js';
import { localMoment } from './export.js';
import type { EntryPage } from './store.js';
import { registerWords, textIn } from './words.js';
import { isWide } from '../render/text-layout.js';

/** The register in a terminal: a table of entries, and one entry with its history. */

interface TextOptions {
  readonly locale: string;
  readonly now: Date;
}

/** Terminal columns of a text: CJK characters take two. */
function columns(text: string): number {
  let n = 0;
  for (const ch of text) n += isWide(ch) ? 2 : 1;
  return n;
}

function pad(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - columns(text)));
}

/** Lays rows out in columns separated by two spaces (the last column is not padded). */
function table(rows: readonly (readonly string[])[]): string {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => columns(r[i]))));
  return rows.map((r) => r.map((cell, i) => (i === r.length - 1 ? cell : pad(cell, widths[i]))).join('  ').trimEnd()).join('\n');
}

/** A page of entries as a table, with the command for the next page. */
export function formatListText(page: EntryPage, opts: TextOptions): string {
  const w = registerWords(opts.locale);
  if (page.entries.length === 0) return `${w.empty}\n`;
  const c = w.columns;
  const rows = [[c.id, c.recorded, c.staff, c.account, c.problem, c.outcome, c.owner, c.due, c.status]];
  for (const e of page.entries) {
    rows.push([String(e.id), localMoment(e.recorded_at), e.staff, e.account ?? w.none, textIn(e.labels.problem, opts.locale),
      textIn(e.labels.outcome, opts.locale), textIn(e.labels.owner, opts.locale) || w.none, e.due === null ? w.none : localMoment(e.due),
      w.status[e.status] + (isOverdue(e, opts.now) ? ` (${w.overdue})` : '')]);
  }
  const more = page.next === null ? '' : `\n… --after ${page.next}`;
  return `${table(rows)}${more}\n`;
}

/** One entry and its full history. */
export function formatEntryText(e: RegisterEntry, opts: TextOptions): string {
  const w = registerWords(opts.locale);
  const c = w.columns;
  const status = w.status[e.status] + (isOverdue(e, opts.now) ? ` (${w.overdue})` : '');
  const head = table([
    [`${c.id}:`, String(e.id)],
    [`${c.recorded}:`, `${localMoment(e.recorded_at)} (${e.recorded_at})`],
    [`${c.staff}:`, e.staff],
    [`${c.account}:`, e.account ?? w.none],
    [`${c.problem}:`, textIn(e.labels.problem, opts.locale)],
    [`${c.outcome}:`, `${textIn(e.labels.outcome, opts.locale)} (${e.outcome})`],
    [`${c.owner}:`, e.owner === null ? w.none : `${textIn(e.labels.owner, opts.locale)} (${e.owner})`],
    [`${c.due}:`, e.due === null ? w.none : `${localMoment(e.due)} (${e.due})`],
    [`${c.status}:`, status],
    ['policy:', `${e.policy.id} ${e.policy.version ?? ''} sha256:${e.policy.hash.slice(0, 12)}`.replace(/\s+/g, ' ')],
    ['case:', JSON.stringify(e.case)],
  ]);
  const history = e.history.map((h) => {
    const what = h.kind === 'recorded' ? `recorded → ${h.to}`
      : h.kind === 'status' ? `${h.from} → ${h.to}`
        : h.kind === 'reassign' ? `owner ${h.from ?? w.none} → ${h.to}` : 'note';
    return `  ${localMoment(h.at)}  ${h.staff}  ${what}${h.note === null ? '' : `: ${h.note}`}`;
  });
  return `${head}\n\nhistory:\n${history.join('\n')}\n`;
}
