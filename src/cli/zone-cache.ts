import * as path from 'node:path';
import { learnZoneAnswers, type ZoneAnswers, zoneAnswers } from '../values/zone-transitions.js';
import { readCache, writeCacheFile } from './code-cache.js';

/**
 * The time-zone answers of earlier runs (values/zone-transitions.ts `zoneAnswers`), kept in
 * `zones.json` beside the code cache: `check` of a policy with a zone then needs neither ICU's
 * date formats nor the zone's ~5,000 samples. Valid only for the same Node and the same ICU and
 * time-zone data; the file has the code cache's header and checksum, and anything else (missing,
 * stale, damaged, not the expected shape) is ignored. Rewritten (whole) only when a run learnt
 * something new.
 */

/** Learns the answers kept in `dir`, and returns how to keep this run's when it is over. */
export function useZoneCache(dir: string): { save(): void } {
  const file = path.join(dir, 'zones.json');
  const key = [process.version, process.versions.icu, process.versions.tz].join(' ');
  const known = readCache(file, key)?.data;
  let before = 0;
  if (known !== undefined) {
    try {
      const answers = JSON.parse(known.toString('utf8')) as unknown;
      if (isAnswers(answers)) {
        learnZoneAnswers(answers);
        before = count(answers);
      }
    } catch {
      // Not JSON: learn nothing, and write the file anew.
    }
  }
  return {
    save() {
      const answers = zoneAnswers();
      if (count(answers) > before) writeCacheFile(file, key, () => Buffer.from(JSON.stringify(answers)));
    },
  };
}

function count(answers: Readonly<Record<string, ZoneAnswers>>): number {
  return Object.values(answers).reduce((n, a) => n + a.offsetAt.length + a.previousChange.length, 0);
}

function isAnswers(value: unknown): value is Record<string, ZoneAnswers> {
  if (typeof value !== 'object' || value === null) return false;
  const pairs = (list: unknown, nullable: boolean) =>
    Array.isArray(list) &&
    list.every((p) => Array.isArray(p) && p.length === 2 && Number.isFinite(p[0]) && (Number.isFinite(p[1]) || (nullable && p[1] === null)));
  return Object.values(value).every((a) => typeof a === 'object' && a !== null && pairs(a.offsetAt, false) && pairs(a.previousChange, true));
}
