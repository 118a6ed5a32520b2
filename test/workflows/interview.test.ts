import { describe, expect, it } from 'vitest';
import { answerCase, interviewStep, readAnswer } from '../../src/workflows/interview.js';
import { compileText } from '../support/compile.js';
import { loadGraph, REFERENCE } from '../eval/fixtures.js';

/** The interview every staff front end shares: the next question, skipping, "don't know". */

const reference = loadGraph(REFERENCE);

const policy = (body: string) => {
  const { graph, diagnostics } = compileText(`policy p "策略" @en "Policy" {
  locales zh-CN, en
  start d
}
enum colour "颜色" @en "Colour" {
  red "红" @en "Red"
  blue "蓝" @en "Blue"
}
fact c: colour "颜色" @en "Colour" { ask "什么颜色？" @en "Which colour?" }
fact big: bool "大件" @en "Big" { ask "是大件吗？" @en "Is it big?" }
fact price: money "价格" @en "Price"
${body}
outcome x "甲" @en "X" {}
outcome y "乙" @en "Y" {}
`);
  if (!graph) throw new Error(diagnostics.map((d) => d.message).join('\n'));
  return graph;
};

describe('interviewStep', () => {
  it('asks the first needed fact with its question and choices', () => {
    const step = interviewStep(reference, new Map(), { locale: 'en' });
    expect(step.question).toMatchObject({ fact: 'problem', type: 'enum', ask: expect.any(String) });
    expect(step.question?.choices.map((c) => c.value)).toContain('transit_damage');
  });

  it('skips a question when every answer leads to the same outcome from there', () => {
    const graph = policy(`decision d "判断" @en "D" {
  when c == red and big -> x
  when c == blue -> x
  otherwise -> x
}`);
    const step = interviewStep(graph, new Map(), { locale: 'en' });
    expect(step.question).toBeNull();
    expect(step.result.outcome?.id).toBe('x');
    expect(step.skipped).toEqual(['c', 'big']);
    // The path does not claim answers nobody gave.
    expect(step.result.path.flatMap((p) => p.facts)).toEqual([]);
  });

  it('asks when the answers lead to different outcomes, and never calls an amount settled', () => {
    const differ = policy(`decision d "判断" @en "D" {
  when c == red -> x
  otherwise -> y
}`);
    expect(interviewStep(differ, new Map()).question?.fact).toBe('c');
    const amount = policy(`decision d "判断" @en "D" {
  when price > 10 CNY -> x
  otherwise -> x
}`);
    expect(interviewStep(amount, new Map()).question).toMatchObject({ fact: 'price', type: 'money', choices: [] });
  });

  it('does not ask what staff do not know, and says what to find out', () => {
    const graph = policy(`decision d "判断" @en "D" {
  when c == red and big -> x
  otherwise -> y
}`);
    const step = interviewStep(graph, new Map(), { unknown: new Set(['c']) });
    expect(step.question?.fact).toBe('big');
    const stuck = interviewStep(graph, new Map([['big', true]]), { unknown: new Set(['c']) });
    expect(stuck).toMatchObject({ question: null, unknown: ['c'] });
    expect(stuck.result.status).toBe('undecided');
  });
});

describe('answers', () => {
  it('reads one answer as staff type it, with the shared case reader', () => {
    expect(readAnswer(reference, 'problem', '运输破损')).toEqual({ value: 'transit_damage' });
    expect(readAnswer(reference, 'item_value', '３０元')).toEqual({ value: 3000 });
    const bad = readAnswer(reference, 'item_value', '三十', 'en');
    expect('diagnostics' in bad && bad.diagnostics[0].message).toMatch(/^`item_value` must be an amount in CNY/);
  });

  it('fills `now` from an injected clock when the case does not give it, and keeps a case\'s own', () => {
    // The reference policy reads `now`: its deadlines count from it, so the due moment needs it.
    const clock = () => new Date('2026-12-02T01:30:00Z');
    const filled = answerCase(reference, { problem: 'logistics' }, { clock });
    expect('step' in filled && filled.now).toBe('2026-12-02T01:30:00.000Z');
    const own = answerCase(reference, { problem: 'logistics', now: '2026-12-01T10:00:00+08:00' }, { clock });
    expect('step' in own && own.now).toBeNull();
  });
});
