/**
 * The CLI's commands, in the order `--help` lists them. Kept apart from the program so the
 * launcher (launch.ts) can name a run's code cache after its command without loading commander.
 */
export const commandNames = ['init', 'check', 'eval', 'schema', 'test', 'render', 'graph', 'register', 'ask', 'serve'] as const;

export type CommandName = (typeof commandNames)[number];
