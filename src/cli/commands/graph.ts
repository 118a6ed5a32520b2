import type { MessageLocale } from '../../diagnostics/locale.js';
import { localeOption, requestedLocale } from '../locale.js';
import { Option } from 'commander';
import { exportPolicyGraph } from '../../workflows/handbook.js';
import { graphFormats, type GraphFormat } from '../../workflows/reports.js';
import { ExitCode } from '../exit-codes.js';
import { printError } from '../io.js';
import type { CommandModule } from '../program.js';
import { reportPolicy } from '../policy.js';

/** `sopwright graph FILE --format dot|mermaid|svg`: the whole decision graph for other tools. */
export const graphCommand: CommandModule = {
  register(program, ctx) {
    program
      .command('graph')
      .description('export the whole decision graph as Graphviz DOT, Mermaid or SVG')
      .argument('<file>', 'the policy\'s entry .sop file')
      .addOption(new Option('--format <format>', 'output format').choices([...graphFormats]).default('dot'))
      .addOption(localeOption('language of the labels'))
      .option('-o, --output <path>', 'the file to write, or `-` for standard output', '-')
      .action(async (file: string, options: { format: GraphFormat; locale?: MessageLocale; output: string }) => {
        const exported = await exportPolicyGraph(file, { ...options, locale: requestedLocale(options.locale), output: options.output === '-' ? undefined : options.output });
        const opened = reportPolicy(exported.policy, ctx, { warnings: true, locale: options.locale });
        if ('exit' in opened) return ctx.setExitCode(opened.exit);
        for (const p of exported.problems) printError(ctx.stderr, p);
        if (exported.problems.length > 0) return ctx.setExitCode(ExitCode.usage);
        if (options.output === '-') ctx.stdout.write(exported.text!);
        ctx.setExitCode(ExitCode.ok);
      });
  },
};
