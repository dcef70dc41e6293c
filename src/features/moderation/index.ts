/** Moderation (SPEC §3.7): the detector, enforcement by category, the warning ladder, staff commands. */
import type { FeatureFactory } from '../../pipeline/feature';
import { floodControl } from './flood-control';
import { moderateMessage } from './moderate-message';
import { appealCommand, muteCommand, removeCommand, reviewLogCommand, undoCommand, warnCommand } from './moderation.command';
import { confirmReviewCommand, dismissReviewCommand } from './review-decision.command';
import { wordListCommand } from './word-list.command';

export { DetectorHolder } from './detection/detector-holder';
export { runModerate } from './detection/run-moderate';
export { MODERATION_KIND_NAMES } from './texts';
export { ruleLabel } from './rule-names';
export { staffOf } from './moderation-service';

/** Moderates every group message, limits flooding, and the staff's 警告/禁言/移出/解除/审核/申诉, 确认/忽略 of review notes and the cohort's own 敏感词. */
export const moderationFeature: FeatureFactory = () => ({
  name: 'moderation',
  commands: [warnCommand, muteCommand, removeCommand, undoCommand, reviewLogCommand, appealCommand, confirmReviewCommand, dismissReviewCommand, wordListCommand],
  inbound: [moderateMessage, floodControl],
});
