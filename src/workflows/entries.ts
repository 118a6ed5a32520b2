import { nodeFiles, type FileHost, type ReadResult } from './files.js';

/**
 * Entry discovery: which `.sop` files are policies (they have a `policy` header) and which are
 * libraries that policies import. Libraries are checked through the policies that import them,
 * never on their own.
 */

/** The entry files found, and the paths that could not be searched. */
export interface EntryDiscovery {
  readonly entries: readonly string[];
  readonly problems: readonly string[];
}

/**
 * Whether a file declares a policy: a line starting with `policy` and a name. Checked with a
 * pattern rather than the parser, so a file with syntax errors is still found and reported.
 */
export function hasPolicyHeader(text: string): boolean {
  return /^[ \t]*policy[ \t]+[A-Za-z]/m.test(text);
}

/** A file host whose reads are remembered: entries, shared libraries and directory scans read each file once. */
export function cachedFiles(files: FileHost): FileHost {
  const cache = new Map<string, ReadResult>();
  return {
    ...files,
    readText(file) {
      let read = cache.get(file);
      if (read === undefined) {
        read = files.readText(file);
        cache.set(file, read);
      }
      return read;
    },
  };
}

/**
 * The entry files: each file path as given, and in each directory (searched recursively, in
 * name order) every `.sop` file with a `policy` header. A file that cannot be read stays an
 * entry, so its problem is reported rather than skipped.
 */
export function findPolicyEntries(paths: readonly string[], files: FileHost = nodeFiles): EntryDiscovery {
  const entries: string[] = [];
  const problems: string[] = [];
  for (const p of paths) {
    const kind = files.kindOf(p);
    if ('problem' in kind) {
      problems.push(kind.problem);
      continue;
    }
    if (kind.kind === 'file') {
      entries.push(p);
      continue;
    }
    const listed = files.filesUnder(p, (name) => name.endsWith('.sop'));
    if ('problem' in listed) {
      problems.push(listed.problem);
      continue;
    }
    const found = listed.files.filter((file) => {
      const read = files.readText(file);
      return !read.ok || hasPolicyHeader(read.text);
    });
    if (found.length === 0) problems.push(`no \`.sop\` file with a \`policy\` header in \`${p}\``);
    entries.push(...found);
  }
  return { entries, problems };
}
