/**
 * Reads a sign-in board by its counts only: 「已签到 N/M」 (present N of M). Which names the board
 * lists is left alone, so the bench does not depend on the board's layout (names, folding,
 * exceptions only).
 */
const COUNTS = /已签到\s*(\d+)\s*\/\s*(\d+)/;

/** The board's present/total counts, or null when `text` is not a board. */
export function parseBoardCounts(text: string): { present: number; total: number } | null {
  const m = COUNTS.exec(text);
  return m ? { present: Number(m[1]), total: Number(m[2]) } : null;
}
