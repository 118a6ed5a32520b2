import type { CommandModule } from '../program.js';
import { loadPolicy } from '../policy.js';

/** `sopwright schema FILE`: prints the JSON Schema of the policy's case files. */
export const schemaCommand: CommandModule = {
  register(program, ctx) {
    program
      .command('schema')
      .description('print the JSON Schema of a policy\'s cases (for editors and other tools)')
      .argument('<policy>', 'the policy\'s entry .sop file')
      .option('--locale <locale>', 'language of the descriptions (default: the policy\'s first locale)')
      .action(async (policy: string, options: { locale?: string }) => {
        const loaded = loadPolicy(policy, ctx);
        if ('exit' in loaded) return ctx.setExitCode(loaded.exit);
        // Loaded here, not at start-up: case-schema.ts brings the schema validator (ajv).
        const { caseSchema } = await import('../../eval/input/case-schema.js');
        ctx.stdout.write(`${JSON.stringify(caseSchema(loaded.graph, options.locale), null, 2)}\n`);
      });
  },
};
