import pino from 'pino';
import { SignInBoard, type BoardSource, type BoardTiming } from '../../../../src/features/attendance/sign-in-board';
import type { Attendance, Cohort, Member, Session } from '../../../../src/domain/types';
import type { ChatTarget, OutgoingMessage } from '../../../../src/platform/chat-event';
import { manualTiming } from '../../../support/manual-board-timing';

const INTERVAL = 3000;


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

// The coalescing itself (spacing, a touch during a send, flush and sweep) is LiveBoard's and
// tested in test/unit/pipeline/live-board.test.ts; these check what the sign-in board adds.
describe('SignInBoard', () => {
  it('shows the first sign-in at once and coalesces a burst into one refresh per interval, per session and group', async () => {
    const t = manualTiming();
    const { board, sent, signIn } = boardWith(t.timing);
    signIn('s1', '学员甲');
    await board.touch(session('s1'), cohort, group('room'));
    expect(sent.map((m) => m.message.text.split('\n')[1])).toEqual(['已签到 1/1']);
    for (const name of ['学员乙', '学员丙', '学员丁']) {
      signIn('s1', name);
      await board.touch(session('s1'), cohort, group('room'));
    }
    expect(sent).toHaveLength(1);
    expect(t.pending()).toHaveLength(1);
    t.advance(INTERVAL);
    await t.fireDue();
    expect(sent.map((m) => m.message.text.split('\n')[1])).toEqual(['已签到 1/1', '已签到 4/4']);
    // The same session's board in another group, and another session's, are their own first boards.
    await board.touch(session('s1'), cohort, group('other-room'));
    signIn('s2', '学员甲');
    await board.touch(session('s2'), cohort, group('room'));
    expect(sent.map((m) => m.target.id)).toEqual(['room', 'room', 'other-room', 'room']);
    expect(sent[3]!.message.text).toContain('课程 s2');
  });

  it('does not send a board that reads the same as the one last sent, before or after the sweep forgot it', async () => {
    const t = manualTiming();
    const { board, sent, signIn } = boardWith(t.timing);
    signIn('s1', '学员甲');
    await board.touch(session('s1'), cohort, group('room'));
    // 学员甲 repeats 签到: nothing on the board changes.
    t.advance(INTERVAL);
    await board.touch(session('s1'), cohort, group('room'));
    expect(sent).toHaveLength(1);
    t.advance(INTERVAL);
    expect(board.sweep()).toBe(1);
    await board.touch(session('s1'), cohort, group('room'));
    expect(sent).toHaveLength(1);
    // A new sign-in changes the counts and goes out at once: the skipped boards spaced nothing.
    signIn('s1', '学员乙');
    await board.touch(session('s1'), cohort, group('room'));
    expect(sent.map((m) => m.message.text.split('\n')[1])).toEqual(['已签到 1/1', '已签到 2/2']);
  });

  it('reads nothing for a sign-in that stood already when the board the group read counts it, and shows it when the board does not', async () => {
    const t = manualTiming();
    const records: Attendance[] = [];
    const signIn = (name: string) =>
      records.push({ sessionId: 's1', cohortId: 'c1', platform: 'wechaty', userId: name, name, status: 'on_time', notEarly: false, minutesLate: 0, earlyLeave: false });
    let reads = 0;
    const source: BoardSource = {
      trainees: async () => [],
      records: async () => {
        reads++;
        return [...records];
      },
    };
    const sent: string[] = [];
    const board = new SignInBoard(source, async (_target, message) => void sent.push(message.text), pino({ level: 'silent' }), INTERVAL, t.timing);
    signIn('学员甲');
    await board.touch(session('s1'), cohort, group('room'));
    // 学员甲 repeats 签到 after the interval: the board the group read counts the record already.
    t.advance(INTERVAL);
    await board.touch(session('s1'), cohort, group('room'), '学员甲');
    expect(reads).toBe(1);
    // A record the board has not counted yet (its first handling failed before the board was asked) is shown.
    signIn('学员乙');
    await board.touch(session('s1'), cohort, group('room'), '学员乙');
    expect(reads).toBe(2);
    expect(sent.map((text) => text.split('\n')[1])).toEqual(['已签到 1/1', '已签到 2/2']);
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
    await board.touch(session('s1'), cohort, group('room'));
    expect(sent[0]!.split('\n').slice(1, 4)).toEqual(['已签到 1/3 · 请假 1 · 未签到 1', '📝 请假：学员乙', '⬜ 未签到：学员丙']);
  });

  it('sends what is pending at shutdown and forgets idle boards', async () => {
    const t = manualTiming();
    const { board, sent, signIn } = boardWith(t.timing);
    signIn('s1', '学员甲');
    await board.touch(session('s1'), cohort, group('room'));
    signIn('s1', '学员乙');
    await board.touch(session('s1'), cohort, group('room'));
    expect(board.sweep()).toBe(0);
    await board.flushAll();
    expect(sent.map((m) => m.message.text.split('\n')[1])).toEqual(['已签到 1/1', '已签到 2/2']);
    expect(board.size).toBe(0);
  });
});
