/** Feedback (SPEC §3.5): surveys, lecturer scorecards and lecturer tiers. */
import type { FeatureFactory } from '../../pipeline/feature';
import { feedbackCommand } from './feedback.command';
import { lecturerProfileCommand } from './lecturer-profile.command';
import { privateAnswers } from './private-answers';

export { DEFAULT_SCORECARD_THRESHOLDS, type ScorecardThresholds } from './scorecard';
export { surveyProgress } from './survey-progress';
export { lecturerTierReport } from './lecturer-tier-report';
export { gatherScorecardInput } from './gather-scorecard';
export { evaluateScorecard } from './scorecard';
export { renderScorecard } from './render-scorecard';
export { scorecardCardSvg } from './scorecard-card';

/** 反馈, 讲师资料, and plain private replies that answer an open survey or follow-up visit. */
export const feedbackFeature: FeatureFactory = () => ({
  name: 'feedback',
  commands: [feedbackCommand, lecturerProfileCommand],
  chat: [privateAnswers],
});
