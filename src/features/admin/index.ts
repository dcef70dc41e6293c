/**
 * Administration of the bot itself: the first administrator without knowing a platform id
 * (`cohort-bot admin invite` → 认领管理员), and the bot's own WeChat session (login QR code,
 * lost session) reported to the staff robots.
 */
import type { FeatureFactory } from '../../pipeline/feature';
import { claimAdminCommand } from './claim-admin.command';

export { createAdminInvite, DEFAULT_INVITE_MINUTES, type AdminInvite } from './admin-claim';
export { ExpiredMessageNotices, EXPIRED_NOTICE_GATHER_MS, type ExpiredNoticeDeps } from './expired-messages';
export { watchSession, type SessionWatch, type SessionWatchOptions, type StaffRobots } from './session-watch';

/** 认领管理员. */
export const adminFeature: FeatureFactory = () => ({
  name: 'admin',
  commands: [claimAdminCommand],
});
