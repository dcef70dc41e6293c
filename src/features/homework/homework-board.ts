import type { Cohort, Homework, Member, Submission } from '../../domain/types';
import type { BotDeps } from '../../pipeline/bot-deps';
import { LiveBoard, realBoardTiming, type BoardTiming } from '../../pipeline/live-board';
import { formatDayTime } from '../../kernel/local-time';
import type { Stores } from '../../stores/create-stores';
import { approvedLeaveForHomework } from '../leave';
import { homeworkBoard, homeworkTitle } from './texts';

/** Reads what a homework board shows: the homework as it stands, the trainees enrolled, the submissions so far, who is excused. */
export interface HomeworkBoardSource {
  homework(id: string): Promise<Homework | null>;
  trainees(cohortId: string): Promise<Member[]>;
  submissions(homeworkId: string): Promise<Submission[]>;
  /** User ids of the trainees whose approved leave excuses them from the homework (read on every refresh: a decision made elsewhere shows at the next one). */
  onLeave?(homework: Homework): Promise<ReadonlySet<string>>;
}

/** What a homework board shows, read from the stores. */
export function homeworkBoardSourceFrom(stores: Pick<Stores, 'homework' | 'members' | 'submissions' | 'leave' | 'sessions'>): HomeworkBoardSource {
  return {
    homework: (id) => stores.homework.findById(id),
    trainees: (cohortId) => stores.members.listWithRole(cohortId, 'trainee'),
    submissions: (homeworkId) => stores.submissions.listByHomework(homeworkId),
    onLeave: (homework) => approvedLeaveForHomework(stores, homework),
  };
}

/**
 * Renders the board of one homework (SPEC §3.3): handed in of all trainees expected to, late (no
 * version before the deadline), resubmitted (more than one version), who is excused by approved
 * leave for the homework's day (请假, not counted; SPEC §3.2) and who has not handed it in.
 */
export function renderHomeworkBoard(
  homework: Homework,
  cohort: Pick<Cohort, 'timezone'>,
  trainees: Member[],
  submissions: Submission[],
  onLeave: ReadonlySet<string> = new Set(),
): string {
  const byUser = new Map<string, Submission[]>();
  for (const s of submissions) byUser.set(`${s.platform}|${s.userId}`, [...(byUser.get(`${s.platform}|${s.userId}`) ?? []), s]);
  const versions = [...byUser.values()];
  const unsubmitted = trainees.filter((t) => !byUser.has(`${t.platform}|${t.userId}`));
  const missing = unsubmitted.filter((t) => !onLeave.has(t.userId));
  return homeworkBoard({
    title: homeworkTitle(homework.content),
    deadline: formatDayTime(homework.deadline, cohort.timezone),
    submitted: versions.length,
    total: versions.length + missing.length,
    late: versions.filter((v) => v.every((s) => s.late)).length,
    resubmitted: versions.filter((v) => v.length > 1).length,
    missing: missing.map((t) => t.name),
    leave: unsubmitted.filter((t) => onLeave.has(t.userId)).map((t) => t.name),
  });
}

/**
 * One live board per homework and group instead of one group message per submission (issue:
 * fifty trainees, fifty messages): refreshed at most every SIGNIN_BOARD_INTERVAL_MS, the same
 * pace as the sign-in board, and not sent again when nothing on it changed.
 */
export class HomeworkBoard {
  private readonly board: LiveBoard;

  constructor(
    private readonly source: HomeworkBoardSource,
    send: BotDeps['outbound']['send'],
    log: BotDeps['log'],
    intervalMs: number,
    timing: BoardTiming = realBoardTiming,
  ) {
    this.board = new LiveBoard(send, log, intervalMs, timing);
  }

  /** Boards the process keeps state for right now. */
  get size(): number {
    return this.board.size;
  }

  /**
   * Shows a stored submission on its group's board. A third version or later changes nothing the
   * board shows (its trainee is counted as handed in and as resubmitted already).
   */
  async showSubmission(outcome: { submission: Submission; homework: Homework }, cohort: Cohort, groupId: string): Promise<void> {
    if (outcome.submission.version <= 2) await this.touch(outcome.homework, cohort, groupId);
  }

  /** Asks for the board of `homework` to be shown in the group `groupId`: at once when none went out within the interval, else soon. */
  touch(homework: Homework, cohort: Cohort, groupId: string): Promise<void> {
    return this.board.touch(homework.id, { kind: 'group', id: groupId }, async () => {
      const [current, trainees, submissions, onLeave] = await Promise.all([
        this.source.homework(homework.id),
        this.source.trainees(homework.cohortId),
        this.source.submissions(homework.id),
        this.source.onLeave?.(homework),
      ]);
      return renderHomeworkBoard(current ?? homework, cohort, trainees, submissions, onLeave);
    });
  }

  /** Sends every pending board now (at shutdown). */
  flushAll(): Promise<void> {
    return this.board.flushAll();
  }

  /** Forgets boards that are sent and idle. */
  sweep(): number {
    return this.board.sweep();
  }
}

const boards = new WeakMap<BotDeps, HomeworkBoard>();

/**
 * The one homework board of a bot (its shared deps): the feature flushes and sweeps it, and
 * 交作业 and quoted replies touch it, so every part of one bot shows the same board.
 */
export function homeworkBoardOf(deps: BotDeps): HomeworkBoard {
  let board = boards.get(deps);
  if (!board) {
    board = new HomeworkBoard(homeworkBoardSourceFrom(deps.stores), (target, message) => deps.outbound.send(target, message), deps.log, deps.config.SIGNIN_BOARD_INTERVAL_MS);
    boards.set(deps, board);
  }
  return board;
}
