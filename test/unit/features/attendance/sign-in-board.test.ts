import pino from 'pino';
import { SignInBoard, type BoardSource, type BoardTiming } from '../../../../src/features/attendance/sign-in-board';
import type { Attendance, Cohort, Member, Session } from '../../../../src/domain/types';
import type { ChatTarget, OutgoingMessage } from '../../../../src/platform/chat-event';

const INTERVAL = 3000;

/** A clock the test moves and timers the test fires, so nothing waits on real time. */
function manualTiming() {
  let now = 1_000_000;
  const timers: { refresh: () => Promise<void>; at: number; cancelled: boolean }[] = [];
  const timing: BoardTiming = {
    now: () => now,
    schedule(refresh, ms) {
      const timer = { refresh, at: now + ms, cancelled: false };
      timers.push(timer);
      return { cancel: () => (timer.cancelled = true) };
    },
  };
  return {
    timing,
    advance(ms: number) {
      now += ms;
    },
    pending: () => timers.filter((t) => !t.cancelled),
    /** Fires every timer that is due, as setTimeout would, and waits for the refreshes they started. */
    async fireDue() {
      const due = timers.filter((t) => !t.cancelled && t.at <= now);
      for (const t of due) t.cancelled = true;
      await Promise.all(due.map((t) => t.refresh()));
      return due.length;
    },
  };
}

const cohort: Cohort = {
  id: 'c1',
  code: 'ABC123',
  name: '直播带货一期',
  startDate: '2027-03-01',
  endDate: '2027-03-02',
  location: '县电商中心',
  timezone: 'Asia/Shanghai',
  createdBy: 'staff',
  plan: { status: 'approved' },
  settings: { signInOpensMinutes: 30, arriveEarlyMinutes: 5, flagNotEarly: false },
};

const session = (id: string): Session => ({
  id,
  cohortId: 'c1',
  day: '2027-03-01',
  startsAt: new Date('2027-03-01T09:00:00+08:00'),
  endsAt: new Date('2027-03-01T12:00:00+08:00'),
  title: `课程 ${id}`,
  lecturerName: '赵老师',
  cancelled: false,
});

const group = (id: string): ChatTarget => ({ kind: 'group', id });

/** A board over in-memory records, whose sends the test can hold open. */
function boardWith(timing: BoardTiming) {
  const records = new Map<string, Attendance[]>();
  const source: BoardSource = {
    trainees: async (): Promise<Member[]> => [],
    records: async (sessionId) => [...(records.get(sessionId) ?? [])],
  };
  const sent: { target: ChatTarget; message: OutgoingMessage }[] = [];
  let hold: Promise<void> | null = null;
  const send = async (target: ChatTarget, message: OutgoingMessage) => {
    if (hold) await hold;
    sent.push({ target, message });
  };
  const board = new SignInBoard(source, send, pino({ level: 'silent' }), INTERVAL, timing);
  const signIn = (sessionId: string, name: string) => {
    const list = records.get(sessionId) ?? [];
    list.push({ sessionId, cohortId: 'c1', platform: 'wechaty', userId: name, name, status: 'on_time', notEarly: false, minutesLate: 0, earlyLeave: false });
    records.set(sessionId, list);
  };
  return {
    board,
    sent,
    signIn,
    holdSends() {
      let release!: () => void;
      hold = new Promise<void>((r) => (release = r));
      return () => {
        hold = null;
        release();
      };
    },
  };
}

describe('SignInBoard state', () => {
  it('forgets every board once it is sent and idle for an interval, so the count goes back to zero', async () => {
    const t = manualTiming();
    const { board, sent, signIn } = boardWith(t.timing);
    for (const id of ['s1', 's2', 's3']) {
      signIn(id, '学员甲');
      board.touch(session(id), cohort, group(`room-${id}`));
    }
    expect(board.size).toBe(3);
    // Pending boards are not dropped, however much time passes.
    t.advance(10 * INTERVAL);
    expect(board.sweep()).toBe(0);
    expect(board.size).toBe(3);
    expect(await t.fireDue()).toBe(3);
    expect(sent).toHaveLength(3);
    // Just sent: the state still spaces the next refresh, so it stays.
    expect(board.sweep()).toBe(0);
    expect(board.size).toBe(3);
    t.advance(INTERVAL);
    expect(board.sweep()).toBe(3);
    expect(board.size).toBe(0);
  });

  it('keeps a board that is waiting for its next refresh until that refresh is sent', async () => {
    const t = manualTiming();
    const { board, sent, signIn } = boardWith(t.timing);
    signIn('s1', '学员甲');
    board.touch(session('s1'), cohort, group('room'));
    await t.fireDue();
    expect(sent).toHaveLength(1);
    signIn('s1', '学员乙');
    board.touch(session('s1'), cohort, group('room'));
    // The refresh is spaced one interval after the first board; the sweep must not lose it.
    expect(t.pending()).toHaveLength(1);
    expect(board.sweep()).toBe(0);
    t.advance(INTERVAL);
    expect(board.sweep()).toBe(0);
    await t.fireDue();
    expect(sent).toHaveLength(2);
    expect(sent[1]!.message.text).toContain('已签到 2/2');
    t.advance(INTERVAL);
    expect(board.sweep()).toBe(1);
    expect(board.size).toBe(0);
  });

  it('keeps a board asked for again while it was being sent, and sends that update', async () => {
    const t = manualTiming();
    const { board, sent, signIn, holdSends } = boardWith(t.timing);
    signIn('s1', '学员甲');
    board.touch(session('s1'), cohort, group('room'));
    const release = holdSends();
    const sending = t.fireDue();
    signIn('s1', '学员乙');
    board.touch(session('s1'), cohort, group('room'));
    t.advance(10 * INTERVAL);
    expect(board.sweep()).toBe(0);
    release();
    await sending;
    // The update asked for during the send is scheduled one interval on, not dropped.
    expect(t.pending()).toHaveLength(1);
    expect(board.sweep()).toBe(0);
    t.advance(INTERVAL);
    await t.fireDue();
    expect(sent.map((m) => m.message.text.split('\n')[1])).toEqual(['已签到 1/1', '已签到 2/2']);
    t.advance(INTERVAL);
    expect(board.sweep()).toBe(1);
    expect(board.size).toBe(0);
  });

  it('does not send a board that reads the same as the one last sent, before or after the sweep forgot it', async () => {
    const t = manualTiming();
    const { board, sent, signIn } = boardWith(t.timing);
    signIn('s1', '学员甲');
    board.touch(session('s1'), cohort, group('room'));
    await t.fireDue();
    // 学员甲 repeats 签到: nothing on the board changes.
    t.advance(INTERVAL);
    board.touch(session('s1'), cohort, group('room'));
    await t.fireDue();
    expect(sent).toHaveLength(1);
    t.advance(INTERVAL);
    expect(board.sweep()).toBe(1);
    board.touch(session('s1'), cohort, group('room'));
    await t.fireDue();
    expect(sent).toHaveLength(1);
    // A new sign-in changes the counts and goes out at once: the skipped boards spaced nothing.
    signIn('s1', '学员乙');
    board.touch(session('s1'), cohort, group('room'));
    expect(t.pending()[0]!.at).toBe(t.timing.now());
    await t.fireDue();
    expect(sent.map((m) => m.message.text.split('\n')[1])).toEqual(['已签到 1/1', '已签到 2/2']);
    // The same board in another group is that group's first.
    board.touch(session('s1'), cohort, group('other-room'));
    await t.fireDue();
    expect(sent.map((m) => m.target.id)).toEqual(['room', 'room', 'other-room']);
  });

  it('shows trainees whose approved leave covers the session as on leave, not as missing', async () => {
    const t = manualTiming();
    const trainee = (userId: string, name: string): Member => ({ cohortId: 'c1', platform: 'wechaty', userId, name, roles: ['trainee'], active: true, joinedAt: new Date(0) });
    const source: BoardSource = {
      trainees: async () => [trainee('学员甲', '学员甲'), trainee('u2', '学员乙'), trainee('u3', '学员丙')],
      records: async () => [{ sessionId: 's1', cohortId: 'c1', platform: 'wechaty', userId: '学员甲', name: '学员甲', status: 'on_time', notEarly: false, minutesLate: 0, earlyLeave: false }],
      onLeave: async (cohortId, s) => new Set(cohortId === 'c1' && s.id === 's1' ? ['u2'] : []),
    };
    const sent: string[] = [];
    const board = new SignInBoard(source, async (_target, message) => void sent.push(message.text), pino({ level: 'silent' }), INTERVAL, t.timing);
    board.touch(session('s1'), cohort, group('room'));
    await t.fireDue();
    expect(sent[0]!.split('\n').slice(1, 4)).toEqual(['已签到 1/3 · 请假 1 · 未签到 1', '📝 请假：学员乙', '⬜ 未签到：学员丙']);
  });

  it('shows a forgotten board again at once on the next sign-in', async () => {
    const t = manualTiming();
    const { board, sent, signIn } = boardWith(t.timing);
    signIn('s1', '学员甲');
    board.touch(session('s1'), cohort, group('room'));
    await t.fireDue();
    t.advance(INTERVAL);
    board.sweep();
    expect(board.size).toBe(0);
    signIn('s1', '学员乙');
    board.touch(session('s1'), cohort, group('room'));
    expect(t.pending()[0]!.at).toBe(t.timing.now());
    await t.fireDue();
    expect(sent.map((m) => m.message.text.split('\n')[1])).toEqual(['已签到 1/1', '已签到 2/2']);
  });
});
