import { cliMessages } from './cli.js';
import { formatMessages } from './format.js';
import { graphMessages } from './graph.js';
import { numberMessages } from './numbers.js';
import { parserMessages } from './parser.js';
import { reasonMessages } from './reasons.js';
import { renderMessages } from './render.js';
import { resolveMessages } from './resolve.js';
import { syntaxMessages } from './syntax.js';
import { timeMessages } from './time.js';
import { typeMessages } from './type.js';

/**
 * The registry of message templates: every sentence a diagnostic prints (message, label, help,
 * notes), in every locale, by id. Like TypeScript's diagnosticMessages.json, with named
 * placeholders (`{name}`). One file per stage; a test checks each template has the same
 * placeholders in every locale.
 */
export const templates = {
  ...syntaxMessages,
  ...parserMessages,
  ...resolveMessages,
  ...typeMessages,
  ...numberMessages,
  ...timeMessages,
  ...graphMessages,
  ...reasonMessages,
  ...renderMessages,
  ...formatMessages,
  ...cliMessages,
} as const satisfies Record<string, { readonly en: string; readonly 'zh-CN': string }>;

/** The id of a message template. */
export type MessageId = keyof typeof templates;
