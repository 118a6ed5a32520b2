import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { codes } from '../../src/diagnostics/codes.js';

/** The README's table of diagnostic codes, generated from the registry so the two never disagree. */
export function codesTable(): string {
  const cell = (text: string) => text.replace(/\|/g, '\\|');
  const rows = Object.entries(codes).map(([code, { severity, doc, zh }]) => `| \`${code}\` | ${severity} | ${cell(doc)} | ${cell(zh)} |`);
  return ['| code | severity | meaning | 含义 |', '| --- | --- | --- | --- |', ...rows].join('\n');
}

const START = /<!-- codes:start[^>]*-->/;
const END = '<!-- codes:end -->';

/** The README text with the table between its markers replaced. */
export function withCodesTable(readme: string): string {
  const start = START.exec(readme);
  const end = readme.indexOf(END);
  if (!start || end < 0) throw new Error('README.md has no codes:start/codes:end markers');
  return `${readme.slice(0, start.index + start[0].length)}\n${codesTable()}\n${readme.slice(end)}`;
}

export const readmePath = fileURLToPath(new URL('../../README.md', import.meta.url));

// `npm run docs:codes` rewrites the README in place (whole or not at all).
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const next = withCodesTable(readFileSync(readmePath, 'utf8'));
  writeFileSync(`${readmePath}.tmp`, next);
  renameSync(`${readmePath}.tmp`, readmePath);
}
