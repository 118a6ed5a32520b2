import type { DecisionGraph, FactDef } from '../../graph/graph.js';
import { diagnostic, type Diagnostic } from '../../diagnostics/diagnostic.js';
import { sourceFile, type SourceFile, type Span } from '../../source/source-file.js';
import { readCase, type CaseLocator, type CaseReadResult, type ReadCaseOptions } from './case-reader.js';
import { messages } from '../messages.js';
import { numberOrSource } from '../values.js';

/** The pseudo-file `key=value` arguments are read from: the arguments joined by spaces. */
export const ARGUMENTS_FILE = '<arguments>';

/**
 * Reads `key=value` arguments (`problem=wrong_item item_value=30`). Each value is typed by its
 * fact's type: `true`/`false` for yes/no facts, numbers for numbers, text otherwise (money stays
 * a decimal string so it is read exactly). Diagnostics point into a pseudo-file of the arguments.
 */
export function readCaseArgs(
  graph: DecisionGraph,
  args: readonly string[],
  options: Omit<ReadCaseOptions, 'locator' | 'origin'> = {},
): CaseReadResult & { readonly source: SourceFile } {
  const msg = messages(options.locale ?? graph.policy.locales[0]);
  const source = sourceFile(ARGUMENTS_FILE, args.join(' '));
  const raw: Record<string, unknown> = Object.create(null);
  const keys = new Map<string, Span>();
  const values = new Map<string, Span>();
  const diagnostics: Diagnostic[] = [];
  let offset = 0;
  for (const arg of args) {
    const eq = arg.indexOf('=');
    const argSpan = { file: ARGUMENTS_FILE, start: offset, end: offset + arg.length };
    offset += arg.length + 1;
    if (eq <= 0) {
      diagnostics.push(diagnostic('case/schema', argSpan, msg.mustBe(arg, '`fact=value`', { kind: 'string', text: arg })));
      continue;
    }
    const key = arg.slice(0, eq);
    const text = arg.slice(eq + 1);
    const keySpan = { file: ARGUMENTS_FILE, start: argSpan.start, end: argSpan.start + eq };
    if (keys.has(key)) {
      diagnostics.push(diagnostic('case/schema', keySpan, msg.duplicateArgument(key)));
      continue;
    }
    keys.set(key, keySpan);
    values.set(key, { file: ARGUMENTS_FILE, start: argSpan.start + eq + 1, end: argSpan.end });
    raw[key] = typedArgument(Object.hasOwn(graph.facts, key) ? graph.facts[key] : undefined, text);
  }
  const locator: CaseLocator = {
    whole: { file: ARGUMENTS_FILE, start: 0, end: source.text.length },
    key: (f) => keys.get(f),
    value: (f) => values.get(f),
    written: (f) => {
      const span = values.get(f);
      return span && source.text.slice(span.start, span.end);
    },
  };
  const read = readCase(graph, raw, { ...options, locator });
  const all = [...diagnostics, ...read.diagnostics];
  return { value: all.length > 0 ? undefined : read.value, diagnostics: all, source };
}

const NUMBER_TEXT = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

function typedArgument(fact: FactDef | undefined, text: string): unknown {
  switch (fact?.type.kind) {
    case 'bool':
      return text === 'true' ? true : text === 'false' ? false : text;
    case 'number':
      return NUMBER_TEXT.test(text) ? numberOrSource(Number(text), text) : text;
    default:
      return text;
  }
}
