import type { Stores } from '../../stores/create-stores';
import { approvedLeaveFor } from '../leave';
import { boardSourceFrom } from './board-source';
import type { BoardSource } from './sign-in-board';

/**
 * What the live board and 签到名单 read: the trainees and records `boardSourceFrom` reads, and
 * who approved leave excuses from the session, so a trainee on leave shows as 请假 before the
 * session closes rather than as 未签到 (SPEC §3.2: approved leave is not absence).
 */
export function boardSourceWithLeave(stores: Pick<Stores, 'members' | 'attendance' | 'leave'>): BoardSource {
  return {
    ...boardSourceFrom(stores),
    onLeave: (cohortId, session) => approvedLeaveFor(stores, cohortId, session),
  };
}
