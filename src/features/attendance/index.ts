/** Attendance (SPEC §3.1): 签到/签退, the live sign-in board, and closing a session. */
import type { FeatureFactory } from '../../pipeline/feature';
import { boardSourceWithLeave } from './board-source-with-leave';
import { SignInBoard } from './sign-in-board';
import { createSignInCommand } from './sign-in.command';
import { signOutCommand } from './sign-out.command';
import { signInRosterCommand } from './sign-in-roster.command';

export { summariseAttendance } from './attendance-summary';
export { judgeSignIn, type SignInVerdict } from './attendance-rules';
export { closeSession, type CloseResult } from './close-session';
export { renderBoard } from './sign-in-board';
export { boardSourceFrom } from './board-source';
export { ATTENDANCE_STATUS_NAMES, EARLY_LEAVE, NOT_SIGNED_IN } from './texts';

/**
 * 签到 and 签退, with one coalescing board per process; 签到名单, the full list behind the board.
 * After 批准请假, here or in another process (the console), the cohort's boards still open are
 * shown again, so the trainee reads as 请假 at once rather than as 未签到 until the next sign-in.
 */
export const attendanceFeature: FeatureFactory = (deps) => {
  const board = new SignInBoard(boardSourceWithLeave(deps.stores), deps.outbound.send, deps.log, deps.config.SIGNIN_BOARD_INTERVAL_MS);
  // A leave decided by 批准请假 here, in the staff console or in another bot process (announced
  // through the hot state) shows on this process's open boards at once.
  deps.stores.leave.onDecided((cohortId) => void board.refreshCohort(cohortId, deps.clock.now()));
  return {
    name: 'attendance',
    commands: [createSignInCommand(board), signOutCommand, signInRosterCommand],
    stop: () => board.flushAll(),
    sweep: () => {
      board.sweep();
      board.forgetEnded(deps.clock.now());
    },
  };
};
