/**
 * The longest batch line (a JSON Lines line or a CSV record), in characters: 1 MiB. A case line is
 * a few hundred characters; without a bound, one 50 MB line held the whole line (and for CSV its
 * fields, twice) in memory and took seconds to cut. A longer line gets one invalid result with its
 * line number, and its text is dropped as it streams past.
 */
export const MAX_LINE_CHARS = 1024 * 1024;
