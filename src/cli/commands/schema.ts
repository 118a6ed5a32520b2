import type { MessageLocale } from '../../diagnostics/locale.js';
import { localeOption, requestedLocale } from '../locale.js';
import type { CommandModule } from '../program.js';
import { reportPolicy } from '../policy.js';

/** `sopwright schema FILE`: prints the JSON Schema of the policy's case files. */
export const schemaCommand: CommandModule = {
  register(program, ctx) {
    program
      .command('schema')
      .description('print the JSON Schema of a policy\'s cases (for editors and other tools)')
      .argument('<policy>', 'the policy\'s entry .sop file')
      .addOption(localeOption('language of the descriptions'))
      .action(async (policy: string, options: { locale?: MessageLocale }) => {
        // Loaded here, not at start-up: the case workflows bring the schema validator (ajv).
        const { policySchema } = await import('../../workflows/cases.js');
        const { policy: loaded, schema } = policySchema(policy, { locale: requestedLocale(options.locale) });
        const opened = reportPolicy(loaded, ctx, { locale: options.locale });
        if ('exit' in opened) return ctx.setExitCode(opened.exit);
        ctx.stdout.write(`${JSON.stringify(schema, null, 2)}\n`);
      });
  },
};
