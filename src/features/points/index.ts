/** Points and tiers (SPEC §3.4): the ledger, interaction counting, 记录, 优秀学员, 排名, and the 推荐名单 with its bar. */
import type { FeatureFactory } from '../../pipeline/feature';
import { countInteraction } from './count-interaction';
import { rankingCommand, recommendCommand, recordCommand } from './trainee-records.command';

export { awardAttendance, buildTraineeRecords, tallyAttendance, traineeRecords, type AttendanceInput, type TraineeRecordRows } from './points-service';
export {
  clearsBar,
  evaluateStandings,
  recommendationBar,
  recommendationLines,
  recommendationList,
  type AttendanceTally,
  type HeldBack,
  type RecommendationBar,
  type RecommendedTrainee,
  type TraineeRecord,
  type TraineeStanding,
} from './tier-rules';
export { heldBackLine, recommendationBarLine, TIER_NAMES } from './texts';
export { ANSWER_WINDOW_MINUTES } from './count-interaction';

/** 优秀学员, 记录, 排名, and interaction in ordinary chat. */
export const pointsFeature: FeatureFactory = () => ({
  name: 'points',
  commands: [recommendCommand, recordCommand, rankingCommand],
  chat: [countInteraction()],
});
