/** Leave (SPEC §3.2): 请假 with staff decisions, and the one rule of what approved leave excuses. */
import type { FeatureFactory } from '../../pipeline/feature';
import { approveLeaveCommand, rejectLeaveCommand, requestLeaveCommand } from './leave.command';

export { approveLeaveCommand } from './leave.command';
export { approvedLeaveFor, approvedLeaveForHomework, excusedFrom, excusedFromHomework, leaveCovers, leaveCoversDay, missingStatus, type LeaveLike } from './leave-covers';

/** 请假, 批准请假, 驳回请假. */
export const leaveFeature: FeatureFactory = () => ({
  name: 'leave',
  commands: [requestLeaveCommand, approveLeaveCommand, rejectLeaveCommand],
});
