import { isAlias, isMap, isScalar, isSeq, parseDocument, type Document, type Node } from 'yaml';
import type { DecisionGraph } from '../../graph/graph.js';
import { diagnostic, type Diagnostic } from '../../diagnostics/diagnostic.js';
import type { SourceFile, Span } from '../../source/source-file.js';
import { readCase, type CaseLocator, type CaseReadResult, type ReadCaseOptions } from './case-reader.js';
import { messages } from '../messages.js';
import { numberOrSource } from '../values.js';

/**
 * Cases written in YAML or JSON, read with positions: each field's key and value keep their
 * span, so every diagnostic points at the text the user wrote.
 */

/**
 * Reads a case written in YAML or JSON (JSON is read as YAML, so both get positions). Duplicate
 * keys and syntax errors are `case/unreadable`; an empty document is the empty case.
 */
export function readCaseText(graph: DecisionGraph, file: SourceFile, options: Omit<ReadCaseOptions, 'locator' | 'origin'> = {}): CaseReadResult {
  const doc = parseDocument(file.text, { prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0 || unknownTags(doc).length > 0) return { value: undefined, diagnostics: yamlErrors(doc, file, options.locale ?? graph.policy.locales[0]) };
  return readCaseNode(graph, doc, doc.contents, file.path, options);
}

/** `case/unreadable` diagnostics for a YAML document's syntax errors. */
export function yamlErrors(doc: Document, file: SourceFile, locale: string | undefined): Diagnostic[] {
  const msg = messages(locale);
  // The parser may place an error one past the end ("unexpected end of input"); keep spans inside the text.
  const clamp = (offset: number) => Math.max(0, Math.min(offset, file.text.length));
  const span = (pos: readonly [number, number]) => ({ file: file.path, start: clamp(pos[0]), end: clamp(pos[1]) });
  return [
    ...doc.errors.map((e) => {
      // The parser says only "Map keys must be unique": name the key, as every case reader does.
      const key = e.code === 'DUPLICATE_KEY' ? keyAt(doc, e.pos[0]) : undefined;
      return diagnostic('case/unreadable', key ? span(key.range) : span(e.pos), key ? msg.duplicateArgument(key.text) : msg.unreadable(firstLine(e.message)));
    }),
    // A tag the YAML core schema does not know (`!custom 12`) is a warning to the parser, which
    // then reads the value as if untagged; a case is read as written or refused.
    ...unknownTags(doc).map((w) => diagnostic('case/unreadable', span(w.pos), msg.unknownTag(file.text.slice(w.pos[0], w.pos[1])))),
  ];
}

function unknownTags(doc: Document) {
  return doc.warnings.filter((w) => w.code === 'TAG_RESOLVE_FAILED');
}

/** The key of the top-level mapping whose text starts at `offset` (where the parser puts a duplicate key). */
function keyAt(doc: Document, offset: number): { text: string; range: [number, number] } | undefined {
  if (!isMap(doc.contents)) return undefined;
  for (const pair of doc.contents.items) {
    const key = pair.key as Node | null;
    if (isScalar(key) && key.range && key.range[0] === offset) return { text: key.source ?? String(key.value), range: [key.range[0], key.range[1]] };
  }
  return undefined;
}

/** Reads a case from a node of a parsed YAML document (a case file, or a test's `case:`); null is the empty case. */
export function readCaseNode(
  graph: DecisionGraph, doc: Document, contents: unknown, path: string, options: Omit<ReadCaseOptions, 'locator' | 'origin'> = {},
): CaseReadResult {
  const msg = messages(options.locale ?? graph.policy.locales[0]);
  const at = (node: unknown): Span | undefined => nodeSpan(node, path);
  const whole = at(contents) ?? { file: path, start: 0, end: 0 };
  if (contents === null || contents === undefined || (isScalar(contents) && contents.value === null)) return { value: new Map(), diagnostics: [] };
  if (!isMap(contents)) {
    const none = () => undefined;
    return readCase(graph, shallow(contents as Node), { ...options, locator: { whole, key: none, value: none, written: none } });
  }

  const raw: Record<string, unknown> = Object.create(null);
  const keys = new Map<string, Span | undefined>();
  const values = new Map<string, { span: Span | undefined; written: string | undefined }>();
  const diagnostics: Diagnostic[] = [];
  for (const pair of contents.items) {
    const keyNode = pair.key as Node | null;
    if (!isScalar(keyNode) || keyNode.value === null || typeof keyNode.value === 'object') {
      diagnostics.push(diagnostic('case/schema', at(keyNode) ?? whole, msg.badKey(keyNode ? String(keyNode) : '')));
      continue;
    }
    const key = keyNode.source ?? String(keyNode.value);
    let valueNode = pair.value as Node | null;
    if (isAlias(valueNode)) valueNode = (valueNode.resolve(doc) as Node | undefined) ?? null;
    raw[key] = shallow(valueNode);
    keys.set(key, at(keyNode));
    values.set(key, { span: at(pair.value), written: isScalar(valueNode) ? valueNode.source : undefined });
  }
  if (diagnostics.length > 0) return { value: undefined, diagnostics };
  const locator: CaseLocator = {
    whole,
    key: (f) => keys.get(f),
    value: (f) => values.get(f)?.span,
    written: (f) => values.get(f)?.written,
  };
  return readCase(graph, raw, { ...options, locator });
}

/** The span of a YAML node's value (without trailing comments), if it has a range. */
export function nodeSpan(node: unknown, path: string): Span | undefined {
  const range = (node as { range?: [number, number, number] | null } | null | undefined)?.range;
  return range ? { file: path, start: range[0], end: range[1] } : undefined;
}

/**
 * A node's value for validation, one level deep: scalars as they are; lists and mappings as
 * empty ones (a fact value is never a collection, so their content never matters, and aliases
 * inside them are never expanded).
 */
function shallow(node: Node | null): unknown {
  if (node === null) return null;
  if (isSeq(node)) return [];
  if (isMap(node)) return Object.create(null);
  if (isScalar(node)) {
    const v = node.value;
    // A number is what was written, exactly: otherwise its text, which the reader then refuses.
    if (typeof v === 'number') return node.source === undefined ? v : numberOrSource(v, node.source);
    return v === null || typeof v === 'string' || typeof v === 'boolean' ? v : (node.source ?? String(v));
  }
  return null;
}

function firstLine(text: string): string {
  return text.split('\n')[0]?.trim() ?? text;
}
