/** What the bot does about a message: nothing, a private note to staff, warn the sender, or remove it and escalate. */
export type ModerationAction = 'none' | 'review' | 'warn' | 'escalate';

/**
 * Action for the categories a scan reported (§3.7): political content is removed where
 * possible and escalated to staff at once; any other flagged category warns the sender. With
 * no public category but uncertain hits, only staff hear of it (`review`).
 */
export function actionFor(categories: readonly string[], reviewHits = false): ModerationAction {
  if (categories.length === 0) return reviewHits ? 'review' : 'none';
  return categories.includes('政治') ? 'escalate' : 'warn';
}
