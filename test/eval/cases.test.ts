import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { readCase, type CaseReadResult } from '../../src/eval/input/case-reader.js';
import { readCaseArgs } from '../../src/eval/input/case-args.js';
import { readCaseText } from '../../src/eval/input/case-yaml.js';
import { evaluate } from '../../src/eval/engines/interpreter.js';
import { formatResultText, toJsonResult } from '../../src/workflows/reports.js';
import { sourceFile } from '../../src/source/source-file.js';
import { loadGraph } from './fixtures.js';

/**
 * The table-driven evaluation cases: every `cases/*.yaml` holds a `policy` and a list of cases,
 * each run as its own test named by its `note`. A case gives its facts as `input` (an object),
 * `input_text` (YAML or JSON text) or `args` (key=value), and states what it wants.
 */
interface Case {
  note: string;
  policy?: string;
  locale?: string;
  input?: unknown;
  input_text?: string;
  args?: string[];
  want_status?: 'decided' | 'undecided' | 'error';
  want_outcome?: string | null;
  want_needs?: string[];
  want_path?: string[];
  want_values?: Record<string, unknown>;
  want_path_facts?: Record<string, unknown>[];
  want_questions?: string[];
  want_error_code?: string;
  want_messages?: string[];
  want_text?: string[];
}

const dir = join(import.meta.dirname, 'cases');
const files = readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort();

for (const file of files) {
  const doc = parse(readFileSync(join(dir, file), 'utf8')) as { policy: string; cases: Case[] };
  describe(file, () => {
    it.each(doc.cases.map((c) => [c.note, c] as const))('%s', (_note, c) => {
      const graph = loadGraph(c.policy ?? doc.policy);
      const locale = c.locale ?? 'en';
      const read: CaseReadResult =
        c.args !== undefined
          ? readCaseArgs(graph, c.args, { locale })
          : c.input_text !== undefined
            ? readCaseText(graph, sourceFile('case.yaml', c.input_text), { locale })
            : readCase(graph, c.input ?? {}, { locale });

      if (c.want_error_code?.startsWith('case/')) {
        expect(read.value).toBeUndefined();
        expect(read.diagnostics.map((d) => d.code)).toContain(c.want_error_code);
        if (c.want_messages) expect(read.diagnostics.map((d) => d.message)).toEqual(c.want_messages);
        return;
      }
      expect(read.diagnostics.map((d) => d.message)).toEqual([]);
      const result = evaluate(graph, read.value!, { locale });
      const json = toJsonResult(graph, result, locale);
      if (c.want_error_code) expect(result.diagnostics.map((d) => d.code)).toContain(c.want_error_code);
      else expect(result.diagnostics).toEqual([]);
      if (c.want_messages) expect(result.diagnostics.map((d) => d.message)).toEqual(c.want_messages);
      if (c.want_status) expect(result.status).toBe(c.want_status);
      if (c.want_outcome !== undefined) expect(json.outcome).toBe(c.want_outcome);
      if (c.want_needs) expect(json.needs).toEqual(c.want_needs);
      if (c.want_path) expect(json.path.map((p) => p.branch)).toEqual(c.want_path);
      if (c.want_path_facts) expect(json.path.map((p) => p.facts)).toEqual(c.want_path_facts);
      if (c.want_values) expect(json.values).toMatchObject(c.want_values);
      if (c.want_questions) expect(json.questions.map((q) => q.ask)).toEqual(c.want_questions);
      if (c.want_text) {
        const text = formatResultText(graph, result, locale);
        for (const line of c.want_text) expect(text).toContain(line);
      }
    });
  });
}
