import { ExitCode } from '../exit-codes.js';
import { printError } from '../io.js';
import type { CliContext, CommandModule } from '../program.js';
import { reportPolicy } from '../policy.js';
import { formatMoment } from '../../values/format.js';
import { isoMoment } from '../../values/zone.js';

/**
 * `sopwright ask POLICY [key=value…]`: the interview in a terminal. It asks only the next fact the
 * case needs (the policy's question; a list to pick from for yes/no and enums), checks each answer
 * on the spot with the case reader, lets staff go back or say they do not know, and ends with the
 * outcome card. Which question comes next is the interview workflow's (shared with the desk).
 */
export const askCommand: CommandModule = {
  register(program, ctx) {
    program
      .command('ask')
      .description('a guided interview in the terminal: one question at a time, then what to do')
      .argument('<policy>', 'the policy\'s entry .sop file')
      .argument('[facts...]', 'facts already known, as key=value (problem=运输破损)')
      .option('--locale <locale>', 'language of the questions and the answer: zh-CN or en (default: the policy\'s first locale)')
      .option('--now <moment>', 'the moment of the case, for policies that use time (2026-12-03 14:00 in the policy\'s zone, or ISO 8601; default: the current moment)')
      .addHelpText('after', '\nExit codes: 0 decided, 3 undecided (facts nobody knew), 1 an invalid key=value, 2 usage error, no terminal, or a policy with errors, 130 interrupted (Ctrl-C).')
      .action(async (policy: string, facts: string[], options: AskOptions) => ctx.setExitCode(await runAsk(policy, facts, options, ctx)));
  },
};

interface AskOptions {
  readonly locale?: string;
  readonly now?: string;
}

const BACK = '\u0000back';
const DONT_KNOW = '\u0000dont-know';

/** The interview's own words, in the two languages it speaks. */
const WORDS = {
  'zh-CN': { back: '← 返回上一题', dontKnow: '不知道', typed: '输入 ? 表示不知道，< 返回上一题', card: '处理结果', copy: '话术（可直接复制）：', findOut: '还需要查清：', skipped: '无需再问（任何答案结果都一样）：', notTty: '`ask` 需要在终端里运行；脚本请用 `sopwright eval`', now: '当前时间：' },
  en: { back: '← back', dontKnow: "don't know", typed: 'type ? if you do not know, < to go back', card: 'Outcome', copy: 'What to say (copy as is):', findOut: 'Still to find out:', skipped: 'Not asked (every answer gives the same outcome):', notTty: '`ask` needs a terminal; in scripts use `sopwright eval`', now: 'Now: ' },
} as const;

async function runAsk(policyFile: string, known: readonly string[], options: AskOptions, ctx: CliContext): Promise<ExitCode> {
  // Loaded here, not at start-up: the prompt library and the case reader serve only this command.
  const [{ loadPolicy }, interview, { formatResultText, toJsonResult }, prompts] = await Promise.all([
    import('../../workflows/policy.js'), import('../../workflows/interview.js'), import('../../workflows/reports.js'), import('@inquirer/prompts'),
  ]);
  const opened = reportPolicy(loadPolicy(policyFile), ctx);
  if ('exit' in opened) return opened.exit;
  const graph = opened.graph;
  const locale = options.locale ?? graph.policy.locales[0] ?? 'zh-CN';
  const words = /^zh/i.test(locale) ? WORDS['zh-CN'] : WORDS.en;
  if (!process.stdin.isTTY || !process.stdout.isTTY) {
    printError(ctx.stderr, words.notTty);
    return ExitCode.usage;
  }
  const answers = new Map<string, string>();
  for (const arg of known) {
    const eq = arg.indexOf('=');
    answers.set(eq > 0 ? arg.slice(0, eq) : arg, eq > 0 ? arg.slice(eq + 1) : '');
  }
  // A policy that uses time is asked at a moment: --now (as staff type it), else the clock's, shown first.
  if (Object.hasOwn(graph.facts, 'now') && !answers.has('now')) {
    answers.set('now', options.now ?? isoMoment(Math.floor(Date.now() / 1000), graph.policy.timezone ?? 'UTC'));
  }
  const first = interview.readAnswers(graph, Object.fromEntries(answers), locale);
  if ('diagnostics' in first) {
    for (const d of first.diagnostics) printError(ctx.stderr, d.help ? `${d.message} (${d.help})` : d.message);
    return ExitCode.invalid;
  }
  const now = first.value.get('now');
  if (typeof now === 'number') {
    const zone = graph.policy.timezone ?? 'UTC';
    ctx.stdout.write(`${words.now}${formatMoment(now, zone, locale)} (${zone})\n`);
  }
  const asked: string[] = [];
  const unknown = new Set<string>();
  try {
    for (;;) {
      const read = interview.readAnswers(graph, Object.fromEntries(answers), locale);
      if ('diagnostics' in read) throw new Error('internal error: an accepted answer was refused later');
      const step = interview.interviewStep(graph, read.value, { locale, unknown });
      const q = step.question;
      if (q === null) {
        ctx.stdout.write(`\n── ${words.card} ──\n${formatResultText(graph, step.result, locale)}`);
        const say = toJsonResult(graph, step.result, locale).say;
        if (say !== null) ctx.stdout.write(`\n${words.copy}\n${say}\n`);
        if (step.skipped.length > 0) ctx.stdout.write(`\n${words.skipped} ${step.skipped.map((id) => interview.questionFor(graph, id, locale).label).join(', ')}\n`);
        if (step.unknown.length > 0) ctx.stdout.write(`\n${words.findOut}\n${step.unknown.map((id) => `  - ${interview.questionFor(graph, id, locale).ask}`).join('\n')}\n`);
        return step.result.status === 'decided' ? ExitCode.ok : step.result.status === 'undecided' ? ExitCode.undecided : ExitCode.invalid;
      }
      const answer = q.choices.length > 0
        ? await prompts.select({
          message: q.ask,
          choices: [
            ...q.choices.map((c) => ({ name: c.label, value: c.value })),
            new prompts.Separator(),
            { name: words.dontKnow, value: DONT_KNOW },
            ...(asked.length > 0 ? [{ name: words.back, value: BACK }] : []),
          ],
          pageSize: 12,
        })
        : await prompts.input({
          message: `${q.ask} (${q.hint}; ${words.typed})`,
          validate: (text) => {
            const t = text.trim();
            if (t === '?' || t === '？' || (t === '<' && asked.length > 0)) return true;
            const r = interview.readAnswer(graph, q.fact, t, locale);
            return 'value' in r ? true : r.diagnostics.map((d) => (d.help ? `${d.message} (${d.help})` : d.message)).join('; ');
          },
        }).then((t) => (t.trim() === '<' ? BACK : t.trim() === '?' || t.trim() === '？' ? DONT_KNOW : t.trim()));
      if (answer === BACK) {
        const last = asked.pop() as string;
        answers.delete(last);
        unknown.delete(last);
      } else if (answer === DONT_KNOW) {
        unknown.add(q.fact);
        asked.push(q.fact);
      } else {
        answers.set(q.fact, answer);
        asked.push(q.fact);
      }
    }
  } catch (error) {
    // Ctrl-C (or the terminal closed) while a question was open.
    if (error instanceof Error && (error.name === 'ExitPromptError' || error.name === 'AbortPromptError')) return ExitCode.interrupted;
    throw error;
  }
}
