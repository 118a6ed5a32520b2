import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TemplateFile, TemplateSet } from './handlebars-env.js';

/**
 * Reads handbook templates from disk: the built-in `templates/` directory, with a shop's
 * `--templates DIR` laid over it file by file (a file there replaces the built-in one with the same
 * relative path; new partials are added). The only module of the renderer that reads files.
 */

/** What loading gives: the template set, or messages saying what could not be read. */
export interface LoadedTemplates {
  readonly templates: TemplateSet;
  readonly problems: readonly string[];
}

/** Template files are Handlebars templates and stylesheets; anything else (screenshots…) is skipped. */
const isTemplateFile = (name: string): boolean => name.endsWith('.hbs') || name.endsWith('.css');

/**
 * The built-in templates directory, found by walking up from this module to our package.json:
 * it is ../../templates from src/render/ and ../templates from the bundle in dist/.
 */
export function builtinTemplatesDir(): string {
  for (let dir = dirname(fileURLToPath(import.meta.url)); ; dir = dirname(dir)) {
    try {
      const info = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: string };
      if (info.name === 'sopwright') return join(dir, 'templates');
    } catch {
      // No package.json here (or not ours): keep walking up.
    }
    if (dirname(dir) === dir) throw new Error('internal error: cannot find the templates directory of sopwright');
  }
}

/** The largest template file read (the handbook's own are a few kB). */
export const MAX_TEMPLATE_BYTES = 4 * 1024 * 1024;

function readDir(root: string, into: Record<string, TemplateFile>, problems: string[]): void {
  const walk = (dir: string): void => {
    const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      const full = join(dir, e.name);
      if (e.isDirectory()) walk(full);
      else if (isTemplateFile(e.name)) {
        const rel = relative(root, full).split(sep).join('/');
        try {
          // Only regular files, of a sane size: a link to /dev/zero or a FIFO is refused, not read forever.
          const info = statSync(full);
          if (!info.isFile()) problems.push(`cannot read template \`${full}\`: not a regular file`);
          else if (info.size > MAX_TEMPLATE_BYTES) problems.push(`cannot read template \`${full}\`: larger than ${MAX_TEMPLATE_BYTES / (1024 * 1024)} MB`);
          else into[rel] = { path: full, text: readFileSync(full, 'utf8').replace(/\r\n?/g, '\n') };
        } catch (error) {
          problems.push(`cannot read template \`${full}\`: ${(error as Error).message}`);
        }
      }
    }
  };
  try {
    if (!statSync(root).isDirectory()) {
      problems.push(`\`${root}\` is not a directory`);
      return;
    }
    walk(root);
  } catch (error) {
    problems.push(`cannot read templates from \`${root}\`: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such directory' : (error as Error).message}`);
  }
}

/** Loads the built-in templates, then the override directory's files over them. */
export function loadTemplates(overrideDir?: string, builtinDir: string = builtinTemplatesDir()): LoadedTemplates {
  const templates: Record<string, TemplateFile> = {};
  const problems: string[] = [];
  readDir(builtinDir, templates, problems);
  if (overrideDir !== undefined) readDir(overrideDir, templates, problems);
  return { templates, problems };
}
