import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { formatDiagnostics } from '../diagnostics/format-text.js';
import { localize, type DecisionGraph } from '../graph/graph.js';
import { findPolicyEntries } from './entries.js';
import { nodeFiles } from './files.js';
import { loadPolicy, type FileOptions, type LoadedPolicy } from './policy.js';

/**
 * The policies a long-running front end (the server) serves, kept up to date with their files:
 * an edit takes effect without a restart, and a version with errors is refused while the last
 * good one keeps serving, with the reason kept for the front end to report.
 */

/** A policy being served: its graph and the identity every answer carries. */
export interface ServedPolicy {
  readonly id: string;
  readonly version: string | null;
  /** sha256 of the compiled sources (paths relative to the entry's folder, and texts). */
  readonly hash: string;
  readonly entry: string;
  readonly graph: DecisionGraph;
  readonly loaded: LoadedPolicy;
}

/** Why a policy file's latest version is not served. */
export interface RefusedVersion {
  readonly entry: string;
  /** When the refusal happened (ISO 8601). */
  readonly at: string;
  /** The problems, as the CLI prints them (file:line:col, caret, message). */
  readonly reason: string;
  readonly diagnostics: readonly Diagnostic[];
}

/** What loading or reloading found. */
export interface StoreReport {
  readonly served: readonly ServedPolicy[];
  readonly refused: readonly RefusedVersion[];
  /** Paths that could not be read or searched. */
  readonly problems: readonly string[];
}

/** Options of `openPolicyStore`. */
export interface PolicyStoreOptions extends FileOptions {
  /** Watch the files and reload on every change (default false). */
  readonly watch?: boolean;
  /** Called after every reload caused by a change. */
  readonly onReload?: (report: StoreReport) => void;
  /** How long to wait for an editor to finish writing before reloading (ms, default 50). */
  readonly settleMs?: number;
}

/** The policies under some paths, kept loaded. */
export interface PolicyStore {
  /** The served policies, in entry order. */
  list(): readonly ServedPolicy[];
  get(id: string): ServedPolicy | undefined;
  /** The current report: what is served, what was refused and why. */
  report(): StoreReport;
  /** Loads every entry again now (what a file change does). */
  reload(): StoreReport;
  close(): void;
}

/** A served policy's title in a locale (the policy's first locale when it has none in that one). */
export function policyTitle(policy: ServedPolicy, locale?: string): string {
  const { title, locales } = policy.graph.policy;
  return localize(title, locale ?? locales[0] ?? '', locales);
}

/** The departments of a served policy, id and label in `locale` (default: its first locale), in declaration order. */
export function policyDepartments(policy: ServedPolicy, locale?: string): { id: string; label: string }[] {
  const { locales } = policy.graph.policy;
  return Object.values(policy.graph.departments).map((d) => ({ id: d.id, label: localize(d.label, locale ?? locales[0] ?? '', locales) }));
}

/** The identity hash of a loaded policy: its sources, by path relative to the entry's folder. */
export function policyHash(loaded: LoadedPolicy): string {
  const base = path.dirname(loaded.file);
  const hash = createHash('sha256');
  for (const [file, source] of [...loaded.sources].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    hash.update(path.relative(base, file)).update('\0').update(source.text).update('\0');
  }
  return hash.digest('hex');
}

/** Opens the policies under `paths` (files, or folders searched for `.sop` files with a `policy` header). */
export function openPolicyStore(paths: readonly string[], opts: PolicyStoreOptions = {}): PolicyStore {
  const files = opts.files ?? nodeFiles;
  const served = new Map<string, ServedPolicy>();
  const byEntry = new Map<string, ServedPolicy>();
  let refused: RefusedVersion[] = [];
  let problems: readonly string[] = [];

  const load = (): StoreReport => {
    const found = findPolicyEntries(paths, files);
    problems = found.problems;
    refused = [];
    for (const entry of found.entries) {
      const loaded = loadPolicy(entry, { files });
      if (loaded.graph === undefined) {
        const errors = loaded.diagnostics.filter((d) => d.severity === 'error');
        const reason = loaded.problems.length > 0 ? loaded.problems.join('\n') : formatDiagnostics(errors, loaded.sources, { color: false });
        refused.push({ entry, at: new Date().toISOString(), reason, diagnostics: errors });
        continue;
      }
      const policy: ServedPolicy = {
        id: loaded.graph.policy.id, version: loaded.graph.policy.version, hash: policyHash(loaded), entry, graph: loaded.graph, loaded,
      };
      const old = byEntry.get(entry);
      if (old !== undefined && old.id !== policy.id) served.delete(old.id);
      byEntry.set(entry, policy);
      served.set(policy.id, policy);
    }
    return report();
  };
  const report = (): StoreReport => ({ served: [...served.values()], refused, problems });

  load();
  const watchers: fs.FSWatcher[] = [];
  let timer: NodeJS.Timeout | undefined;
  if (opts.watch) {
    // Folders, not files: editors save by writing a new file and renaming it over the old one.
    const dirs = new Set<string>();
    for (const p of paths) {
      const kind = files.kindOf(p);
      dirs.add('kind' in kind && kind.kind === 'directory' ? p : path.dirname(p));
    }
    for (const policy of served.values()) for (const file of policy.loaded.sources.keys()) dirs.add(path.dirname(file));
    for (const r of refused) dirs.add(path.dirname(r.entry));
    for (const dir of dirs) {
      try {
        const w = fs.watch(dir, { persistent: false }, (_event, name) => {
          if (name !== null && !String(name).endsWith('.sop')) return;
          clearTimeout(timer);
          timer = setTimeout(() => opts.onReload?.(load()), opts.settleMs ?? 50);
        });
        w.on('error', () => {});
        watchers.push(w);
      } catch {
        // A folder that cannot be watched still serves what was loaded; a restart picks up changes.
      }
    }
  }
  return {
    list: () => [...served.values()],
    get: (id) => served.get(id),
    report,
    reload: load,
    close() {
      clearTimeout(timer);
      for (const w of watchers) w.close();
    },
  };
}
