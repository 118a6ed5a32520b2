import type { DecisionGraph, Value, ValueType } from '../../graph/graph.js';
import { diagnostic, type Diagnostic } from '../../diagnostics/diagnostic.js';
import type { DiagnosticCode } from '../../diagnostics/codes.js';
import { readCaseArgs } from '../input/case-args.js';
import { readCase, type CaseReadResult } from '../input/case-reader.js';
import { caseLineReader, type CaseLineReader } from '../input/case-line.js';
import { compileEvaluator, type CaseFacts, type CompiledEvaluator, type Verdict } from '../engines/compiled/index.js';
import { toJsonResult } from '../format-result.js';
import { messages } from '../messages.js';
import { numberOrSource, valueToJson } from '../values.js';
import { isoMoment } from '../../values/zone.js';
import { duplicateKey, mayHoldLongNumber, topLevelNumbers } from './json-keys.js';
import { MAX_LINE_CHARS } from './limits.js';

/**
 * One case line → one JSON result line. Each line is read by the same case reader as a single
 * case (`readCase`; CSV rows through `readCaseArgs`, as `key=value` arguments are), then decided
 * by the compiled evaluator. The result line has the shape of `eval --json`, cut to what a batch
 * needs: `line`, `status`, `outcome`, `values` (money as "12.50"), `needs`, and `diagnostics`
 * when the line is invalid or cannot be evaluated.
 */

/** The status of a result line: an evaluation status, or `invalid` for a line that is not a valid case. */
export type LineStatus = Verdict['status'] | 'invalid';

/** A problem of one line, for the report on stderr. */
export interface LineProblem {
  readonly line: number;
  readonly code: DiagnosticCode;
  readonly message: string;
  readonly help?: string;
}

/** Counts of a run (or part of one): lines per outcome and per status. */
export interface Tally {
  lines: number;
  decided: number;
  undecided: number;
  invalid: number;
  error: number;
  /** Outcome id → decided lines that reached it. */
  readonly outcomes: Record<string, number>;
}

/** An empty tally. */
export function newTally(): Tally {
  return { lines: 0, decided: 0, undecided: 0, invalid: 0, error: 0, outcomes: Object.create(null) as Record<string, number> };
}

/** Adds `b` into `a`. */
export function addTally(a: Tally, b: Tally): void {
  a.lines += b.lines;
  a.decided += b.decided;
  a.undecided += b.undecided;
  a.invalid += b.invalid;
  a.error += b.error;
  for (const [id, n] of Object.entries(b.outcomes)) a.outcomes[id] = (a.outcomes[id] ?? 0) + n;
}

/** Options of a batch run that reach each line. */
export interface LineOptions {
  /** Locale of messages (zh-CN or en); defaults to the policy's first locale. */
  readonly locale?: string;
  /** Each result line in the full shape of `eval --json --trace` (path and trace included); slower. */
  readonly full?: boolean;
  /**
   * Read plainly valid lines in one pass (case-line.ts) before the full path; default true. The
   * tests turn it off to hold the two paths to the same results.
   */
  readonly onePass?: boolean;
}

/** The result of one line: its JSON text, its status, and the problems to report. */
export interface LineResult {
  readonly json: string;
  readonly status: LineStatus;
  readonly problems: readonly LineProblem[];
}

/** Reads, decides and formats case lines of one policy; keeps the tally of what it saw. */
export class LineProcessor {
  private tally: Tally = newTally();
  private readonly evaluator: CompiledEvaluator;
  private readonly locale: string | undefined;
  /** The options of every `readCase` and `decide` call (one object, not one per line). */
  private readonly localeOptions: { readonly locale: string | undefined };
  private readonly full: boolean;
  private readonly readLine: CaseLineReader | undefined;
  /** Result text after `{"line":N` for outcomes whose verdict is always the same (decided, no values). */
  private readonly fixedTail = new Map<string, string>();
  private readonly valueTypes = new Map<string, readonly (readonly [string, ValueType])[]>();
  private header: readonly string[] = [];

  constructor(private readonly graph: DecisionGraph, options: LineOptions = {}) {
    this.evaluator = compileEvaluator(graph);
    this.locale = options.locale;
    this.localeOptions = { locale: options.locale };
    this.full = options.full ?? false;
    // The full shape (trace) is rare and slow anyway: its lines take the full path.
    this.readLine = options.onePass === false || this.full ? undefined : caseLineReader(graph);
    for (const o of Object.values(graph.outcomes)) this.valueTypes.set(o.id, o.values.map((v) => [v.id, v.type] as const));
  }

  /** The tally since the last call (or since the start), starting a new one. */
  takeTally(): Tally {
    const t = this.tally;
    this.tally = newTally();
    return t;
  }

  /**
   * A JSON Lines line as UTF-8 bytes `b[from…to)` (the byte at `to` ends the line): read in one
   * pass when it is plainly a valid case, else decoded and read by `jsonLine`.
   */
  jsonBytes(b: Buffer, from: number, to: number, line: number): LineResult {
    // A line's characters are never more than its bytes: only a long one needs decoding to be measured.
    if (to - from <= MAX_LINE_CHARS) {
      const fast = this.readLine?.(b, from, to);
      if (fast !== undefined) return this.decideFacts(fast, line);
    }
    const text = b.toString('utf8', from, to);
    return text.length > MAX_LINE_CHARS ? this.tooLongLine(line) : this.jsonLine(text, line);
  }

  /** A JSON Lines line: one case as a JSON object, read by the full path (`JSON.parse`, repeated keys, `readCase`). */
  jsonLine(text: string, line: number): LineResult {
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch (error) {
      return this.invalid(line, [this.unreadable(error instanceof Error ? error.message : String(error))]);
    }
    // A line is one case, a JSON object: `null` is not an empty case (a blank line is skipped before).
    if (raw === null) return this.invalid(line, [diagnostic('case/schema', this.at(line), messages(this.msgLocale).notAMapping({ kind: 'null' }))]);
    const isObject = typeof raw === 'object' && !Array.isArray(raw);
    // JSON.parse keeps the last of two equal keys; a case file refuses them, and so does a line.
    const twice = isObject ? duplicateKey(text, keyCount(raw as object)) : undefined;
    if (twice !== undefined) return this.invalid(line, [diagnostic('case/unreadable', this.at(line), messages(this.msgLocale).duplicateArgument(twice))]);
    // JSON.parse also rounds numbers with more digits than a double holds: such a value is read
    // from its text, as a case file reads it, and so refused rather than rounded.
    if (isObject && mayHoldLongNumber(text)) raw = withWrittenNumbers(raw as Record<string, unknown>, text);
    return this.decide(readCase(this.graph, raw, this.localeOptions), line);
  }

  /** The problems of a CSV header (unknown or repeated columns); empty when it is good. */
  checkHeader(fields: readonly string[], line: number): LineProblem[] {
    const seen = new Set<string>();
    const problems: LineProblem[] = [];
    for (const name of fields) {
      if (seen.has(name)) problems.push(problem(line, diagnostic('case/schema', this.at(line), messages(this.msgLocale).duplicateArgument(name))));
      seen.add(name);
    }
    // Unknown columns: what the case reader says of a case with every column and no values.
    const columns = Object.fromEntries([...seen].map((name) => [name, null]));
    for (const d of readCase(this.graph, columns, { locale: this.locale, origin: `line ${line}` }).diagnostics) problems.push(problem(line, d));
    return problems;
  }

  /** Sets the CSV header: the fact id of each column. */
  setHeader(fields: readonly string[]): void {
    this.header = fields;
  }

  /** A CSV row under the header: each non-empty cell is the `column=cell` argument of its fact. */
  csvRow(fields: readonly string[], line: number): LineResult {
    if (fields.length !== this.header.length) {
      const text = `the row has ${fields.length} cells but the header has ${this.header.length} columns`;
      return this.invalid(line, [this.unreadable(text)]);
    }
    const args: string[] = [];
    for (let i = 0; i < fields.length; i++) if (fields[i] !== '') args.push(`${this.header[i]}=${fields[i]}`);
    return this.decide(readCaseArgs(this.graph, args, this.localeOptions), line);
  }

  /** The problem of a CSV input without a header row. */
  missingHeader(): LineProblem {
    return problem(1, this.unreadable('a CSV file needs a header row naming the fact of each column'));
  }

  /** A line that cannot be read at all (a CSV record with a stray or unclosed quote). */
  unreadableLine(line: number, reason: string): LineResult {
    return this.invalid(line, [this.unreadable(reason)]);
  }

  /** A line longer than MAX_LINE_CHARS (limits.ts), whose text is not kept. */
  tooLongLine(line: number): LineResult {
    const text = messages(this.msgLocale).lineTooLong(MAX_LINE_CHARS.toLocaleString('en'));
    return this.invalid(line, [diagnostic('case/unreadable', this.at(line), text)]);
  }

  private get msgLocale(): string | undefined {
    return this.locale ?? this.graph.policy.locales[0];
  }

  private at(line: number) {
    return { file: `line ${line}`, start: 0, end: 0 };
  }

  private unreadable(reason: string): Diagnostic {
    return diagnostic('case/unreadable', { file: '', start: 0, end: 0 }, messages(this.msgLocale).unreadable(reason.split('\n')[0]));
  }

  private decide(read: CaseReadResult, line: number): LineResult {
    return read.value === undefined ? this.invalid(line, read.diagnostics) : this.decideFacts(read.value, line);
  }

  private decideFacts(facts: CaseFacts, line: number): LineResult {
    if (this.full) return this.explain(facts, line);
    const v = this.evaluator.decide(facts, this.localeOptions);
    const t = this.tally;
    t.lines++;
    t[v.status]++;
    if (v.status === 'decided' && v.outcome !== null) t.outcomes[v.outcome] = (t.outcomes[v.outcome] ?? 0) + 1;
    const problems = v.diagnostics.length === 0 ? NO_PROBLEMS : v.diagnostics.map((d) => problem(line, d));
    return { json: this.resultJson(line, v), status: v.status, problems };
  }

  /** The full result of `eval --json --trace`, with the line number first. */
  private explain(facts: CaseFacts, line: number): LineResult {
    const r = this.evaluator.evaluate(facts, { trace: true, locale: this.locale });
    const t = this.tally;
    t.lines++;
    t[r.status]++;
    if (r.status === 'decided' && r.outcome !== null) t.outcomes[r.outcome.id] = (t.outcomes[r.outcome.id] ?? 0) + 1;
    const locale = this.locale ?? this.graph.policy.locales[0] ?? 'zh-CN';
    const json = JSON.stringify({ line, ...toJsonResult(this.graph, r, locale) });
    return { json, status: r.status, problems: r.diagnostics.map((d) => problem(line, d)) };
  }

  private invalid(line: number, diagnostics: readonly Diagnostic[]): LineResult {
    this.tally.lines++;
    this.tally.invalid++;
    const json = `{"line":${line},"status":"invalid","outcome":null,"values":{},"needs":[],"diagnostics":${diagnosticsJson(diagnostics)}}`;
    return { json, status: 'invalid', problems: diagnostics.map((d) => problem(line, d)) };
  }

  private resultJson(line: number, v: Verdict): string {
    const fixed = v.status === 'decided' && v.outcome !== null && v.due === null && this.valueTypes.get(v.outcome)?.length === 0;
    if (fixed) {
      let tail = this.fixedTail.get(v.outcome as string);
      if (tail === undefined) {
        tail = `,"status":"decided","outcome":${JSON.stringify(v.outcome)},"values":{},"needs":[],"due":null}`;
        this.fixedTail.set(v.outcome as string, tail);
      }
      return `{"line":${line}${tail}`;
    }
    const values: Record<string, ReturnType<typeof valueToJson> | null> = {};
    for (const [id, type] of v.outcome === null ? [] : (this.valueTypes.get(v.outcome) ?? [])) {
      const value: Value | null | undefined = v.values[id];
      values[id] = value === null || value === undefined ? null : valueToJson(value, type, this.graph.policy.timezone);
    }
    const diagnostics = v.diagnostics.length > 0 ? `,"diagnostics":${diagnosticsJson(v.diagnostics)}` : '';
    const due = v.due === null ? 'null' : `"${isoMoment(v.due, this.graph.policy.timezone ?? 'UTC')}"`;
    return `{"line":${line},"status":"${v.status}","outcome":${JSON.stringify(v.outcome)},"values":${JSON.stringify(values)},"needs":${JSON.stringify(v.needs)},"due":${due}${diagnostics}}`;
  }
}

const NO_PROBLEMS: readonly LineProblem[] = [];

/** The number of keys of a parsed JSON object (its own keys; JSON.parse makes no others), without an array. */
function keyCount(o: object): number {
  let n = 0;
  for (const _ in o) n++;
  return n;
}

function problem(line: number, d: Diagnostic): LineProblem {
  return d.help === undefined ? { line, code: d.code, message: d.message } : { line, code: d.code, message: d.message, help: d.help };
}

function diagnosticsJson(list: readonly Diagnostic[]): string {
  return JSON.stringify(list.map((d) => ({ code: d.code, message: d.message, help: d.help ?? null })));
}

/** `raw` with each top-level number replaced by what its text says exactly (values.ts, numberOrSource). */
function withWrittenNumbers(raw: Record<string, unknown>, text: string): Record<string, unknown> {
  const exact: Record<string, unknown> = Object.assign(Object.create(null) as Record<string, unknown>, raw);
  for (const [key, written] of topLevelNumbers(text)) {
    const value = exact[key];
    if (typeof value === 'number') exact[key] = numberOrSource(value, written);
  }
  return exact;
}
