import { describe, expect, it } from 'vitest';
import { compileText, summarise } from '../support/compile.js';

/** `in {…}` takes enum members bare or qualified (`damage_level.minor`), as the README says everywhere. */
const head = `policy p "P" { locales zh-CN  start d }
enum kind "K" { a "A"  b "B" }
enum other "O" { a "A"  x "X" }
fact k: kind "K"
outcome done "完成" { }
outcome not_done "未完成" { }
`;

describe('qualified members in `in {…}`', () => {
  it('accepts `k in {kind.a, b}` and means the members named', () => {
    const r = compileText(`${head}decision d {\n  when k in {kind.a, b} -> done\n  otherwise -> not_done\n}\n`);
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const branch = r.graph!.decisions.d.branches[0].condition;
    expect(branch).toMatchObject({ kind: 'in', enum: 'kind', members: ['a', 'b'] });
  });

  it('refuses a member of another enum, naming both', () => {
    const r = compileText(`${head}decision d {\n  when k not in {other.x} -> done\n  otherwise -> not_done\n}\n`);
    expect(summarise(r)).toContain('type/mismatch: x');
    expect(r.diagnostics.find((d) => d.code === 'type/mismatch')?.message).toBe('`x` is a member of `other`, not of `kind`');
  });

  it('reports an unknown enum name and an unknown member at their own text', () => {
    expect(summarise(compileText(`${head}decision d {\n  when k in {kinds.a} -> done\n  otherwise -> not_done\n}\n`))).toContain('resolve/unknown-name: kinds');
    expect(summarise(compileText(`${head}decision d {\n  when k in {kind.c} -> done\n  otherwise -> not_done\n}\n`))).toContain('resolve/unknown-member: c');
  });
});
