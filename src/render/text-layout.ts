/**
 * Line breaking for flowchart labels. Graph layout has no fonts to measure with, so labels are
 * broken here, by an estimate in em: a CJK character is one em, Latin letters about half.
 */

/** East Asian wide characters: CJK ideographs, kana, hangul, full-width forms and CJK punctuation. */
const wide = /[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua960-\ua97f\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\u2460-\u24ff]/;

/** CJK closing punctuation that must not start a line, and opening punctuation that must not end one. */
const noLineStart = /^[，。、；：！？）》」』】”’]$/;
const noLineEnd = /^[（《「『【“‘]$/;

/** True for a character that takes a full em (CJK). */
export function isWide(ch: string): boolean {
  return wide.test(ch);
}

/** The estimated width of a text in em. */
export function textWidth(text: string): number {
  let w = 0;
  for (const ch of text) {
    if (isWide(ch)) w += 1;
    else if (ch === ' ') w += 0.3;
    else if (/[A-Z]/.test(ch)) w += 0.68;
    else if (/[a-z0-9]/.test(ch)) w += 0.56;
    else w += 0.4;
  }
  return w;
}

/**
 * Chinese words ("价值", "补发") found by the ICU dictionary Node ships with: a line breaks
 * between words, never inside one.
 */
const cjkWords = new Intl.Segmenter('zh', { granularity: 'word' });

/**
 * The words of a run of CJK characters. A word the dictionary does not know ("少货", "少发")
 * comes out as single characters; runs of those stay together (up to 4), so they do not break.
 */
function cjkPieces(run: string): readonly string[] {
  if (run === '') return [];
  // Labels repeat across charts and renders; ICU's segmenter is the costly part of wrapping.
  let known = piecesOfRun.get(run);
  if (known === undefined) {
    if (piecesOfRun.size >= 4096) piecesOfRun.clear();
    piecesOfRun.set(run, (known = segmentRun(run)));
  }
  return known;
}

const piecesOfRun = new Map<string, readonly string[]>();

function segmentRun(run: string): readonly string[] {
  const out: string[] = [];
  let single = '';
  for (const { segment } of cjkWords.segment(run)) {
    if ([...segment].length === 1 && [...single].length < 4) {
      single += segment;
      continue;
    }
    if (single) out.push(single);
    single = '';
    if ([...segment].length === 1) single = segment;
    else out.push(segment);
  }
  if (single) out.push(single);
  return out;
}

/** Splits text into the pieces a line may break between: CJK words, Latin words and spaces. */
function pieces(text: string): string[] {
  const out: string[] = [];
  let word = '';
  let han = '';
  const flushHan = (): void => {
    out.push(...cjkPieces(han));
    han = '';
  };
  const flush = (): void => {
    flushHan();
    if (word) out.push(word);
    word = '';
  };
  for (const ch of text) {
    if (ch === ' ') {
      flush();
      out.push(' ');
    } else if (noLineStart.test(ch) || noLineEnd.test(ch)) {
      flush();
      out.push(ch);
    } else if (isWide(ch)) {
      if (word) out.push(word);
      word = '';
      han += ch;
    } else {
      flushHan();
      word += ch;
    }
  }
  flush();
  // Glue punctuation to its neighbour so lines never start with "，" or end with "（".
  const glued: string[] = [];
  for (let i = 0; i < out.length; i++) {
    const p = out[i];
    if (noLineStart.test(p) && glued.length > 0) glued[glued.length - 1] += p;
    else if (noLineEnd.test(p) && i + 1 < out.length && out[i + 1] !== ' ') out[i + 1] = p + out[i + 1];
    else glued.push(p);
  }
  return glued;
}

/** Greedy line filling: as much on each line as fits in `maxEm`. */
function fill(parts: readonly string[], maxEm: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const piece of parts) {
    if (line !== '' && textWidth(line + piece) > maxEm && piece !== ' ') {
      lines.push(line.trimEnd());
      line = piece;
    } else if (!(line === '' && piece === ' ')) {
      line += piece;
    }
  }
  lines.push(line.trimEnd());
  return lines;
}

/**
 * Breaks text into lines of at most `maxEm` (a single over-long word keeps its own line), with
 * the lines made about equally long, so no line is left holding one character.
 */
export function wrapText(text: string, maxEm: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    const parts = pieces(paragraph);
    const greedy = fill(parts, maxEm);
    let best = greedy;
    // The narrowest width that still needs no more lines than the greedy fill.
    for (let w = Math.ceil(textWidth(paragraph) / greedy.length); w < maxEm; w += 0.5) {
      const tried = fill(parts, w);
      if (tried.length <= greedy.length) {
        best = tried;
        break;
      }
    }
    for (const line of best) lines.push(line);
  }
  return lines;
}

/** Joins lines of one paragraph: no space between CJK text, one space between Latin words. */
export function joinLines(lines: readonly string[]): string {
  let out = '';
  for (const raw of lines) {
    const line = raw.trim();
    if (line === '') continue;
    if (out === '') {
      out = line;
      continue;
    }
    const last = Array.from(out).pop() ?? '';
    const first = Array.from(line)[0] ?? '';
    out += isWide(last) || isWide(first) ? line : ` ${line}`;
  }
  return out;
}
