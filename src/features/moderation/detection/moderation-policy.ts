/** What the bot does about a message: nothing, warn the sender, or remove it and escalate to staff. */
export type ModerationAction = 'none' | 'warn' | 'escalate';

/**
 * Action for the categories a scan reported (§3.7): political content is removed where
 * possible and escalated to staff at once; any other flagged category warns the sender.
 */
export function actionFor(categories: readonly string[]): ModerationAction {
  if (categories.length === 0) return 'none';
  return categories.includes('政治') ? 'escalate' : 'warn';
}
