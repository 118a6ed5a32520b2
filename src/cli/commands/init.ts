import type { MessageLocale } from '../../diagnostics/locale.js';
import { code, formatMessage, msg } from '../../diagnostics/message.js';
import { ExitCode } from '../exit-codes.js';
import { localeOption, resolveLocale } from '../locale.js';
import type { CommandModule } from '../program.js';

/** `sopwright init [DIR]`: writes a starter policy, its tests and an example case. */
export const initCommand: CommandModule = {
  register(program, ctx) {
    program
      .command('init')
      .description('start a policy for a new shop: a commented policy, its tests and an example case that pass check --strict and test')
      .argument('[dir]', 'where to write them (created if missing)', '.')
      .addOption(localeOption('language of the policy'))
      .action(async (dir: string, options: { locale?: MessageLocale }) => {
        const { initPolicyProject } = await import('../../workflows/init.js');
        const locale = resolveLocale(options.locale);
        const result = initPolicyProject(dir, locale);
        const line = (ref: ReturnType<typeof msg>) => `${formatMessage(ref, locale)}\n`;
        if (!result.ok) {
          if (result.problem) ctx.stderr.write(line(msg('init.cannot-write', { problem: result.problem })));
          for (const file of result.existing) ctx.stderr.write(line(msg('init.exists', { file: code(file) })));
          return ctx.setExitCode(ExitCode.usage);
        }
        for (const file of result.written) ctx.stdout.write(line(msg('init.wrote', { file })));
        ctx.stdout.write(line(msg('init.next', { command: `npx sopwright check --strict ${dir} && npx sopwright test ${dir} --coverage` })));
      });
  },
};
