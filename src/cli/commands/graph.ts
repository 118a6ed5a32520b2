import { Option } from 'commander';
import { exportGraph, graphFormats, type GraphFormat } from '../../render/graph-export.js';
import { handbookLocales } from '../../render/i18n.js';
import type { CommandModule } from '../program.js';
import { loadPolicy } from '../policy.js';
import { writeOutput } from './render.js';

/** `sopwright graph FILE --format dot|mermaid|svg`: the whole decision graph for other tools. */
export const graphCommand: CommandModule = {
  register(program, ctx) {
    program
      .command('graph')
      .description('export the whole decision graph as Graphviz DOT, Mermaid or SVG')
      .argument('<file>', 'the policy\'s entry .sop file')
      .addOption(new Option('--format <format>', 'output format').choices([...graphFormats]).default('dot'))
      .addOption(new Option('--locale <locale>', 'language of the labels').choices([...handbookLocales]).default('zh-CN'))
      .option('-o, --output <path>', 'the file to write, or `-` for standard output', '-')
      .action(async (file: string, options: { format: GraphFormat; locale: string; output: string }) => {
        const loaded = loadPolicy(file, ctx, { warnings: true });
        if ('exit' in loaded) return ctx.setExitCode(loaded.exit);
        const text = await exportGraph(loaded.graph, { format: options.format, locale: options.locale });
        ctx.setExitCode(writeOutput(options.output, text, ctx));
      });
  },
};
