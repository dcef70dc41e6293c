/** First-line prefixes of the messages the bot keeps re-sending as live boards. */
const BOARD_PREFIXES = [
  // The sign-in board of a session: `📋 签到 <day> <time> <title>`.
  '📋 签到 ',
  // The homework board of a group: `📚 作业《<title>》 截止 <deadline>`.
  '📚 作业《',
];

/**
 * The key of a message the bot keeps re-sending as a live board (the sign-in board of a
 * session, the homework board of a homework: its first line), or undefined for any other
 * message (a scorecard also starts with 📋, a deadline reminder with 「📚 作业 」, and neither
 * is a board). The web chat shows the latest board with a key in place of the earlier one, as
 * an edited message, so the group sees one board that updates rather than a stack of copies.
 */
export function boardKeyOf(text: string): string | undefined {
  const first = text.split('\n', 1)[0] ?? '';
  return BOARD_PREFIXES.some((prefix) => first.startsWith(prefix)) ? first : undefined;
}
