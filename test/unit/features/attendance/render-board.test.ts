import { BOARD_MAX_NAMES, renderBoard, renderRoster } from '../../../../src/features/attendance/sign-in-board';
import type { Attendance, Cohort, Member, Session } from '../../../../src/domain/types';
import { parseBoard } from '../../../support/sign-in-board-text';

const cohort: Pick<Cohort, 'timezone' | 'settings'> = {
  timezone: 'Asia/Shanghai',
  settings: { signInOpensMinutes: 30, arriveEarlyMinutes: 5, flagNotEarly: false },
};

const session: Session = {
  id: 's1',
  cohortId: 'c1',
  day: '2027-03-01',
  startsAt: new Date('2027-03-01T09:00:00+08:00'),
  endsAt: new Date('2027-03-01T12:00:00+08:00'),
  title: '直播基础',
  lecturerName: '张老师',
  cancelled: false,
};

const name = (i: number) => `学员${String(i).padStart(2, '0')}`;
const member = (i: number): Member => ({
  cohortId: 'c1',
  platform: 'wechaty',
  userId: `u${i}`,
  name: name(i),
  roles: ['trainee'],
  active: true,
  joinedAt: new Date('2027-02-28T10:00:00+08:00'),
});
const record = (i: number, status: Attendance['status'], minutesLate = 0, notEarly = false): Attendance => ({
  sessionId: 's1',
  cohortId: 'c1',
  platform: 'wechaty',
  userId: `u${i}`,
  name: name(i),
  status,
  notEarly,
  minutesLate,
  earlyLeave: false,
});
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, k) => from + k);

/** 50 trainees: 1–40 on time, 41–45 late (10–14 minutes), 46–47 on approved leave, 48–50 not yet in. */
const trainees = range(1, 50).map(member);
const records = [...range(1, 40).map((i) => record(i, 'on_time')), ...range(41, 45).map((i) => record(i, 'late', i - 31))];
const onLeave = new Set(['u46', 'u47']);

describe('renderBoard', () => {
  it('leads with the counts and names only the late, those on leave and those missing', () => {
    const text = renderBoard(session, cohort, trainees, records, onLeave);
    const lines = text.split('\n');
    expect(lines).toEqual([
      '📋 签到 03-01 09:00-12:00 直播基础',
      '已签到 45/50 · 迟到 5 · 请假 2 · 未签到 3',
      '⏰ 迟到：学员41(10分钟)、学员42(11分钟)、学员43(12分钟)、学员44(13分钟)、学员45(14分钟)',
      '📝 请假：学员46、学员47',
      '⬜ 未签到：学员48、学员49、学员50',
      '完整名单：讲师或工作人员发 #签到名单',
    ]);
    for (const i of range(1, 40)) expect(text).not.toContain(name(i));
  });

  it('cuts a long list at the cap and says how many it holds', () => {
    const text = renderBoard(session, cohort, trainees, records.slice(0, 10));
    const board = parseBoard(text);
    expect(board.counts).toEqual({ present: 10, total: 50, late: 0, leave: 0, absent: 0, missing: 40 });
    expect(board.named.missing).toEqual(range(11, 10 + BOARD_MAX_NAMES).map(name));
    expect(board.complete.missing).toBe(false);
    expect(text).toContain(`${name(10 + BOARD_MAX_NAMES)} 等 40 人`);
  });

  it('has no name line and no pointer to the full list before anyone signs in', () => {
    expect(renderBoard(session, cohort, trainees.slice(0, 3), [])).toBe('📋 签到 03-01 09:00-12:00 直播基础\n已签到 0/3 · 未签到 3\n⬜ 未签到：学员01、学员02、学员03');
  });

  it('shows a full house as its counts alone, with the pointer to the names', () => {
    const text = renderBoard(session, cohort, trainees.slice(0, 3), range(1, 3).map((i) => record(i, 'on_time')));
    expect(text).toBe('📋 签到 03-01 09:00-12:00 直播基础\n已签到 3/3\n完整名单：讲师或工作人员发 #签到名单');
  });

  it('after closing names the absent and those with leave records', () => {
    const closed = [record(1, 'on_time'), record(2, 'absent'), record(3, 'leave')];
    const board = parseBoard(renderBoard(session, cohort, trainees.slice(0, 3), closed));
    expect(board.counts).toEqual({ present: 1, total: 3, late: 0, leave: 1, absent: 1, missing: 0 });
    expect(board.named).toMatchObject({ absent: [name(2)], leave: [name(3)], missing: [] });
  });

  it('names those on time but not early only where the cohort flags it', () => {
    const rows = [record(1, 'on_time', 0, true), record(2, 'on_time')];
    const flagged = renderBoard(session, { ...cohort, settings: { ...cohort.settings, flagNotEarly: true } }, trainees.slice(0, 2), rows);
    expect(flagged).toContain('🔔 未提前入场：学员01');
    expect(flagged).not.toContain('学员02');
    expect(renderBoard(session, cohort, trainees.slice(0, 2), rows)).not.toContain('未提前入场');
  });

  it('masks a phone number in a nickname', () => {
    const phoneName: Member = { ...member(1), name: '王五13912345678' };
    expect(renderBoard(session, cohort, [phoneName], [])).toContain('王五139****5678');
  });
});

describe('renderRoster', () => {
  it('lists everyone by name in their group, after the same counts', () => {
    const lines = renderRoster(session, cohort, trainees, records, onLeave).split('\n');
    expect(lines[0]).toBe('📋 签到名单 03-01 09:00-12:00 直播基础');
    expect(lines[1]).toBe('已签到 45/50 · 迟到 5 · 请假 2 · 未签到 3');
    expect(lines[2]).toBe(`✅ 准时 40：${range(1, 40).map(name).join('、')}`);
    expect(lines.slice(3)).toEqual([
      '⏰ 迟到 5：学员41(10分钟)、学员42(11分钟)、学员43(12分钟)、学员44(13分钟)、学员45(14分钟)',
      '📝 请假 2：学员46、学员47',
      '⬜ 未签到 3：学员48、学员49、学员50',
    ]);
  });
});
