/**
 * "Did you mean" candidates, within the thresholds of TypeScript's `getSpellingSuggestion`
 * (style guide 2.4 rule 3). A name is only suggested when it is plausibly a typo of the one
 * written; we never fall back to "the nearest name there is".
 */

/**
 * Edit costs, weighted as in TypeScript so that its thresholds mean the same here: a substitution
 * costs as much as a deletion plus an insertion, so ⌊0.4·n⌋+1 admits a typo or two but rejects a
 * different word of the same shape (`wrong_item` is not a typo of `wrong_size`); a change of case
 * only is nearly free (`Refund` → `refund`).
 */
const INSERT_OR_DELETE_COST = 1;
const SUBSTITUTION_COST = 2;
const CASE_ONLY_COST = 0.1;

/**
 * The candidate most likely meant by a misspelt `name`, or undefined when none is close enough.
 * A case-insensitive exact match wins outright; otherwise the smallest edit distance wins, and
 * ties go to the smaller length difference, then to the candidate that sorts first, so the
 * answer does not depend on the order of `candidates`.
 */
export function spellingSuggestion(name: string, candidates: Iterable<string>): string | undefined {
  const n = name.length;
  const maxLengthDifference = Math.max(2, Math.floor(n * 0.34));
  // Distances must stay strictly below this bound.
  const bound = Math.floor(n * 0.4) + 1;
  const lower = name.toLowerCase();

  let best: { candidate: string; distance: number; lengthDifference: number } | undefined;
  for (const candidate of new Set(candidates)) {
    if (candidate === name) continue;
    const lengthDifference = Math.abs(candidate.length - n);
    if (lengthDifference > maxLengthDifference) continue;
    const caseOnly = candidate.toLowerCase() === lower;
    // Short names differ too much after one edit: only a difference of case is a typo there.
    if (candidate.length < 3 && !caseOnly) continue;
    // A case-only difference is ranked below every real edit (distance -1), preferring it outright.
    const distance = caseOnly ? -1 : editDistance(name, candidate, bound);
    if (distance === undefined) continue;
    if (best === undefined || isBetter(distance, lengthDifference, candidate, best)) {
      best = { candidate, distance, lengthDifference };
    }
  }
  return best?.candidate;
}

function isBetter(
  distance: number,
  lengthDifference: number,
  candidate: string,
  best: { candidate: string; distance: number; lengthDifference: number },
): boolean {
  if (distance !== best.distance) return distance < best.distance;
  if (lengthDifference !== best.lengthDifference) return lengthDifference < best.lengthDifference;
  return candidate < best.candidate;
}

/**
 * Weighted Levenshtein distance (insert or delete 1, substitute 2, change case only 0.1), or
 * undefined once it cannot stay below `bound`.
 */
export function editDistance(a: string, b: string, bound = Infinity): number | undefined {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  let current = new Array<number>(b.length + 1);
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const x = a[i - 1];
      const y = b[j - 1];
      const substitution = x === y ? 0 : x.toLowerCase() === y.toLowerCase() ? CASE_ONLY_COST : SUBSTITUTION_COST;
      current[j] = Math.min(
        previous[j] + INSERT_OR_DELETE_COST,
        current[j - 1] + INSERT_OR_DELETE_COST,
        previous[j - 1] + substitution,
      );
      rowMin = Math.min(rowMin, current[j]);
    }
    // Every later row is at least this row's minimum: stop as soon as the bound is out of reach.
    if (rowMin >= bound) return undefined;
    [previous, current] = [current, previous];
  }
  const distance = round(previous[b.length]);
  return distance < bound ? distance : undefined;
}

/** Removes floating-point noise from sums of 0.1 steps. */
function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
