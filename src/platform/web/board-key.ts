const SIGN_IN_BOARD = '📋 签到 ';

/**
 * The key of a message the bot keeps re-sending as a live board (the sign-in board of a
 * session: its first line, `📋 签到 <day> <time> <title>`), or undefined for any other message
 * (a scorecard also starts with 📋 but is no board). The web chat shows the latest board with
 * a key in place of the earlier one, as an edited message, so the group sees one board that
 * updates rather than a stack of copies.
 */
export function boardKeyOf(text: string): string | undefined {
  const first = text.split('\n', 1)[0] ?? '';
  return first.startsWith(SIGN_IN_BOARD) ? first : undefined;
}
