import { isMap, isScalar, isSeq, parseDocument, type Document, type Pair, type YAMLMap } from 'yaml';
import type { DecisionGraph, LocaleText } from '../../graph/graph.js';
import { diagnostic, type Diagnostic } from '../../diagnostics/diagnostic.js';
import { spellingSuggestion } from '../../diagnostics/suggest.js';
import type { SourceFile, Span } from '../../source/source-file.js';
import { nodeSpan, readCaseNode, yamlErrors } from '../input/case-yaml.js';
import { allBranchIds, unknownBranch } from './branch-refs.js';
import { evaluate } from '../engines/interpreter.js';
import type { JsonValue } from '../format-result.js';
import { messages, testMessages } from '../messages.js';
import type { EvalResult } from '../trace.js';
import { formatMoney, moneyFromInput, valueToJson } from '../values.js';
import { isoMoment, parseMoment } from '../../values/zone.js';

/**
 * Policy tests (`*.test.yaml`): a policy path and a list of tests, each a case and what the
 * evaluation must give (outcome, path, needs, values, or a diagnostic code). Reading the file and
 * running its tests are separate steps, because the tests are read against the compiled policy.
 */

/** A test file's structure: which policy it tests and its tests, cases still as YAML nodes. */
export interface TestFileSyntax {
  readonly path: string;
  /** The policy path as written (relative to the test file) and where. */
  readonly policy: { readonly path: string; readonly span: Span };
  readonly doc: Document;
  readonly tests: readonly TestSyntax[];
}

/** One test entry before it is read against the policy. */
export interface TestSyntax {
  readonly name: string;
  readonly span: Span;
  readonly caseNode: unknown;
  readonly expectNode: YAMLMap | undefined;
}

/** One expected-versus-actual difference; values are JSON (money as "12.50"). */
export interface Mismatch {
  /** `outcome`, `path`, `needs`, `values.<id>`, `error`. */
  readonly field: string;
  readonly expected: unknown;
  readonly actual: unknown;
}

/** The result of one test. */
export interface TestResult {
  readonly name: string;
  readonly span: Span;
  readonly status: 'passed' | 'failed';
  readonly failures: readonly Mismatch[];
  /** Problems with the test itself or its case (a failed test that never ran). */
  readonly diagnostics: readonly Diagnostic[];
  /** The evaluation, when the test ran. */
  readonly result?: EvalResult;
  readonly durationMs: number;
}

const TEST_KEYS = ['name', 'case', 'expect'];
const EXPECT_KEYS = ['outcome', 'path', 'needs', 'values', 'due', 'owner', 'documents', 'say', 'error'];

/** Reads the structure of a test file: `policy:` and `tests:`, every test with a `name`. */
export function parseTestFile(file: SourceFile, locale?: string): { value: TestFileSyntax | undefined; diagnostics: Diagnostic[] } {
  const doc = parseDocument(file.text, { prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) return { value: undefined, diagnostics: yamlErrors(doc, file, locale) };
  const t = testMessages(locale);
  const whole = nodeSpan(doc.contents, file.path) ?? { file: file.path, start: 0, end: 0 };
  const problem = (span: Span | undefined, message: string, help?: string) =>
    diagnostic('case/schema', span ?? whole, message, help === undefined ? {} : { help });
  const diagnostics: Diagnostic[] = [];
  const root = doc.contents;
  if (!isMap(root)) return { value: undefined, diagnostics: [problem(whole, t.notTestFile)] };
  diagnostics.push(...unknownKeys(root, ['policy', 'tests'], file.path, locale));
  const policyNode: unknown = root.get('policy', true);
  const testsNode: unknown = root.get('tests', true);
  const policy = isScalar(policyNode) && typeof policyNode.value === 'string' && policyNode.value !== '' ? policyNode.value : undefined;
  if (policy === undefined) diagnostics.push(problem(nodeSpan(policyNode, file.path), t.needsPolicy));
  if (!isSeq(testsNode)) diagnostics.push(problem(nodeSpan(testsNode, file.path), t.needsTests));
  if (policy === undefined || !isSeq(testsNode) || diagnostics.length > 0) return { value: undefined, diagnostics };

  const tests: TestSyntax[] = [];
  for (const item of testsNode.items) {
    const span = nodeSpan(item, file.path) ?? whole;
    if (!isMap(item)) {
      diagnostics.push(problem(span, t.testNotMapping));
      continue;
    }
    diagnostics.push(...unknownKeys(item, TEST_KEYS, file.path, locale));
    const name: unknown = item.get('name', true);
    const expect: unknown = item.get('expect', true);
    const named = isScalar(name) && name.value !== null && typeof name.value !== 'object';
    if (!named) diagnostics.push(problem(span, t.needsName));
    if (!isMap(expect)) diagnostics.push(problem(nodeSpan(expect, file.path) ?? span, t.needsExpect));
    else diagnostics.push(...unknownKeys(expect, EXPECT_KEYS, file.path, locale));
    tests.push({ name: named ? String(name.value) : '', span, caseNode: item.get('case', true) ?? null, expectNode: isMap(expect) ? expect : undefined });
  }
  if (diagnostics.length > 0) return { value: undefined, diagnostics };
  return { value: { path: file.path, policy: { path: policy, span: nodeSpan(policyNode, file.path) ?? whole }, doc, tests }, diagnostics };
}

function unknownKeys(map: YAMLMap, allowed: readonly string[], path: string, locale?: string): Diagnostic[] {
  const t = testMessages(locale);
  return map.items.flatMap((pair: Pair) => {
    const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
    if (allowed.includes(key)) return [];
    const suggestion = spellingSuggestion(key, allowed);
    const span = nodeSpan(pair.key, path) ?? { file: path, start: 0, end: 0 };
    return [
      diagnostic('case/schema', span, t.unknownKey(key), {
        help: suggestion ? messages(locale).didYouMean(suggestion) : t.allowedKeys(allowed),
        ...(suggestion ? { suggestion: { span, replacement: suggestion } } : {}),
      }),
    ];
  });
}

/** Runs every test of a file against the compiled policy. */
export function runTestFile(graph: DecisionGraph, file: TestFileSyntax, locale?: string): TestResult[] {
  return file.tests.map((test) => runTest(graph, file, test, locale));
}

function runTest(graph: DecisionGraph, file: TestFileSyntax, test: TestSyntax, locale?: string): TestResult {
  const started = performance.now();
  const done = (failures: Mismatch[], diagnostics: Diagnostic[], result?: EvalResult): TestResult => ({
    name: test.name,
    span: test.span,
    status: failures.length === 0 && diagnostics.length === 0 ? 'passed' : 'failed',
    failures,
    diagnostics,
    ...(result ? { result } : {}),
    durationMs: performance.now() - started,
  });
  const expected = readExpectation(graph, file, test, locale);
  if ('diagnostics' in expected) return done([], expected.diagnostics);
  const exp = expected.value;
  const read = readCaseNode(graph, file.doc, test.caseNode, file.path, { locale });
  if (read.value === undefined) {
    if (read.diagnostics.some((d) => d.code === exp.error)) return done([], []);
    return done([], [...read.diagnostics]);
  }
  const result = evaluate(graph, read.value, { locale });
  return done(compareResult(graph, exp, result), [], result);
}

/** What a test expects, read and checked against the policy (ids must exist). */
interface Expectation {
  readonly outcome?: string | null;
  readonly path?: readonly string[];
  readonly needs?: readonly string[];
  /** Value id → the expected value in JSON form (money normalised to "12.50"). */
  readonly values?: ReadonlyMap<string, JsonValue>;
  /** The due moment (epoch seconds), or null for "no due moment". */
  readonly due?: number | null;
  /** The owner department's id, or null for none. */
  readonly owner?: string | null;
  /** Texts each of which is (part of) one of the outcome's documents, in any of its locales. */
  readonly documents?: readonly string[];
  /** Text found in what staff say, in any of its locales. */
  readonly say?: string;
  readonly error?: string;
}

function readExpectation(graph: DecisionGraph, file: TestFileSyntax, test: TestSyntax, locale?: string): { value: Expectation } | { diagnostics: Diagnostic[] } {
  const t = testMessages(locale);
  const node = test.expectNode as YAMLMap;
  const diagnostics: Diagnostic[] = [];
  const at = (n: unknown) => nodeSpan(n, file.path) ?? test.span;
  const out: { -readonly [K in keyof Expectation]: Expectation[K] } = {};
  /** A name that must be one of `known`, with "did you mean" when it is not. */
  const known = (n: unknown, ids: readonly string[], what: 'outcome' | 'branch' | 'fact' | 'department'): string | undefined => {
    const id = isScalar(n) && typeof n.value === 'string' ? n.value : undefined;
    if (id !== undefined && ids.includes(id)) return id;
    if (what === 'branch' && id !== undefined) {
      diagnostics.push(unknownBranch(graph, id, at(n), locale));
      return undefined;
    }
    const suggestion = id === undefined ? undefined : spellingSuggestion(id, ids);
    diagnostics.push(diagnostic('case/schema', at(n), t.unknownId(what, id ?? String(n)), suggestion ? { help: messages(locale).didYouMean(suggestion) } : {}));
    return undefined;
  };
  const list = (key: string, ids: readonly string[], what: 'branch' | 'fact'): string[] | undefined => {
    const n = node.get(key, true);
    if (n === undefined) return undefined;
    if (!isSeq(n)) {
      diagnostics.push(diagnostic('case/schema', at(n), t.mustBeList(key)));
      return undefined;
    }
    return n.items.map((item) => known(item, ids, what) ?? '');
  };

  const outcomeNode = node.get('outcome', true);
  if (outcomeNode !== undefined) {
    out.outcome = isScalar(outcomeNode) && outcomeNode.value === null ? null : known(outcomeNode, Object.keys(graph.outcomes), 'outcome');
  }
  out.path = list('path', allBranchIds(graph), 'branch');
  out.needs = list('needs', Object.keys(graph.facts), 'fact');
  const valuesNode = node.get('values', true);
  if (valuesNode !== undefined) out.values = readValues(graph, out.outcome, valuesNode, at, diagnostics, locale);
  const dueNode = node.get('due', true);
  if (dueNode !== undefined) {
    const raw = isScalar(dueNode) ? dueNode.value : undefined;
    const read = typeof raw === 'string' ? parseMoment(raw) : undefined;
    if (raw === null) out.due = null;
    else if (read !== undefined && 'moment' in read) out.due = read.moment;
    else diagnostics.push(diagnostic('case/schema', at(dueNode), t.badExpectedValue('due'), { help: messages(locale).datetimeHelp }));
  }
  const ownerNode = node.get('owner', true);
  if (ownerNode !== undefined) {
    out.owner = isScalar(ownerNode) && ownerNode.value === null ? null : known(ownerNode, Object.keys(graph.departments), 'department');
  }
  const documentsNode = node.get('documents', true);
  if (documentsNode !== undefined) {
    if (isSeq(documentsNode) && documentsNode.items.every((i) => isScalar(i) && typeof i.value === 'string')) {
      out.documents = documentsNode.items.map((i) => String((i as { value: unknown }).value));
    } else diagnostics.push(diagnostic('case/schema', at(documentsNode), t.mustBeList('documents')));
  }
  const sayNode = node.get('say', true);
  if (sayNode !== undefined) {
    if (isScalar(sayNode) && typeof sayNode.value === 'string') out.say = sayNode.value;
    else diagnostics.push(diagnostic('case/schema', at(sayNode), t.badExpectedValue('say')));
  }
  const errorNode = node.get('error', true);
  if (errorNode !== undefined) {
    if (isScalar(errorNode) && typeof errorNode.value === 'string') out.error = errorNode.value;
    else diagnostics.push(diagnostic('case/schema', at(errorNode), t.mustBeCode));
  }
  return diagnostics.length > 0 ? { diagnostics } : { value: out };
}

function readValues(
  graph: DecisionGraph, outcome: string | null | undefined, node: unknown, at: (n: unknown) => Span, diagnostics: Diagnostic[], locale?: string,
): Map<string, JsonValue> | undefined {
  const t = testMessages(locale);
  if (!isMap(node)) {
    diagnostics.push(diagnostic('case/schema', at(node), t.mustBeMapping('values')));
    return undefined;
  }
  // The value's type comes from the expected outcome, or from any outcome declaring a value of that name.
  const declared = outcome ? graph.outcomes[outcome]?.values ?? [] : Object.values(graph.outcomes).flatMap((o) => o.values);
  const values = new Map<string, JsonValue>();
  for (const pair of node.items) {
    const id = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
    const def = declared.find((v) => v.id === id);
    if (def === undefined) {
      const suggestion = spellingSuggestion(id, declared.map((v) => v.id));
      diagnostics.push(diagnostic('case/schema', at(pair.key), t.unknownId('value', id), suggestion ? { help: messages(locale).didYouMean(suggestion) } : {}));
      continue;
    }
    const raw = isScalar(pair.value) ? pair.value.value : undefined;
    if (def.type.kind === 'money') {
      const m = typeof raw === 'number' || typeof raw === 'string' ? moneyFromInput(raw, true) : { error: 'not-a-number' as const };
      if ('fen' in m) values.set(id, formatMoney(m.fen));
      else diagnostics.push(diagnostic('case/schema', at(pair.value), t.badExpectedValue(id)));
    } else if (raw === null || (typeof raw !== 'object' && raw !== undefined)) {
      values.set(id, raw as JsonValue);
    } else {
      diagnostics.push(diagnostic('case/schema', at(pair.value), t.badExpectedValue(id)));
    }
  }
  return values;
}

/** Every difference between what a test expects and what the evaluation gave. */
function compareResult(graph: DecisionGraph, exp: Expectation, result: EvalResult): Mismatch[] {
  const failures: Mismatch[] = [];
  const actualOutcome = result.outcome?.id ?? null;
  if (exp.outcome !== undefined && exp.outcome !== actualOutcome) failures.push({ field: 'outcome', expected: exp.outcome, actual: actualOutcome });
  const path = result.path.map((s) => s.branch);
  if (exp.path !== undefined && !sameList(exp.path, path)) failures.push({ field: 'path', expected: exp.path, actual: path });
  if (exp.needs !== undefined && !sameList(exp.needs, result.needs)) failures.push({ field: 'needs', expected: exp.needs, actual: result.needs });
  const node = result.outcome ? graph.outcomes[result.outcome.id] : undefined;
  for (const [id, expected] of exp.values ?? []) {
    const def = node?.values.find((v) => v.id === id);
    const value = result.outcome?.values[id];
    const actual = def === undefined || value === undefined ? undefined : value === null ? null : valueToJson(value, def.type, graph.policy.timezone);
    if (JSON.stringify(actual) !== JSON.stringify(expected)) failures.push({ field: `values.${id}`, expected, actual: actual ?? null });
  }
  const actualDue = result.outcome?.due ?? null;
  if (exp.due !== undefined && exp.due !== actualDue) {
    const zone = graph.policy.timezone ?? 'UTC';
    failures.push({ field: 'due', expected: exp.due === null ? null : isoMoment(exp.due, zone), actual: actualDue === null ? null : isoMoment(actualDue, zone) });
  }
  if (exp.owner !== undefined && exp.owner !== (node?.owner ?? null)) failures.push({ field: 'owner', expected: exp.owner, actual: node?.owner ?? null });
  const texts = (list: readonly LocaleText[]): string[] => list.flatMap((text) => Object.values(text));
  for (const wanted of exp.documents ?? []) {
    if (!texts(node?.documents ?? []).some((d) => d.includes(wanted))) failures.push({ field: 'documents', expected: wanted, actual: texts(node?.documents ?? []) });
  }
  // What this case says: values filled in (`{refund_cap}` → ¥20.00), as `eval` prints it.
  const say = result.outcome?.say ?? null;
  if (exp.say !== undefined && !texts(say ? [say] : []).some((s) => s.includes(exp.say!))) {
    failures.push({ field: 'say', expected: exp.say, actual: say ? Object.values(say)[0] : null });
  }
  const codes = result.diagnostics.map((d) => d.code as string);
  if (exp.error !== undefined ? !codes.includes(exp.error) : codes.length > 0) {
    failures.push({ field: 'error', expected: exp.error ?? null, actual: codes.length > 0 ? codes.join(', ') : null });
  }
  return failures;
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}
