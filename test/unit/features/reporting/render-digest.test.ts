import type { Member, Session } from '../../../../src/domain/types';
import { computeDigest, type DigestInput } from '../../../../src/features/reporting/digest';
import { DIGEST_MAX_LINES, DIGEST_MAX_NAMES, renderDigest, renderDigestForWebhook } from '../../../../src/features/reporting/render-digest';

const TZ = 'Asia/Shanghai';
const D1 = '2027-03-01';
const D2 = '2027-03-02';
const at = (day: string, hhmm: string) => new Date(`${day}T${hhmm}:00+08:00`);
const PHONE = '13912345678';
const LECTURER_PHONE = '138 0000 1111';

const member = (userId: string, name: string): Member => ({
  cohortId: 'c1', platform: 'wechaty', userId, name, roles: ['trainee'], active: true, joinedAt: at('2027-02-28', '10:00'),
});
const session = (id: string, day: string, from: string, to: string, extra: Partial<Session> = {}): Session => ({
  id, cohortId: 'c1', day, startsAt: at(day, from), endsAt: at(day, to), title: id, lecturerName: `王老师${LECTURER_PHONE}`, cancelled: false, ...extra,
});

/**
 * `n` trainees over two days of two sessions. On day 2 the first `late` sign in late, the
 * next `leave` are on approved leave, the rest are absent; on day 1 everyone is on time.
 * The first trainee's nickname carries a phone number.
 */
function cohort(n: number, late: number, leave: number): DigestInput {
  const members = Array.from({ length: n }, (_, i) => member(`u${i}`, i === 0 ? `张三${PHONE}` : `学员${String(i).padStart(2, '0')}`));
  const sessions = [session('s1', D1, '09:00', '12:00'), session('s2', D1, '13:30', '16:30'), session('s3', D2, '09:00', '12:00'), session('s4', D2, '13:30', '15:30')];
  const rec = (sessionId: string, m: Member, status: 'on_time' | 'late', minutesLate = 0) => ({ sessionId, platform: m.platform, userId: m.userId, status, minutesLate });
  return {
    cohort: { id: 'c1', name: '交城县电商培训第3期', code: 'JC2703', startDate: D1, endDate: D2, timezone: TZ, timetableFirstProvidedAt: at(D1, '08:00') },
    sessions,
    members,
    attendance: [
      ...members.flatMap((m) => [rec('s1', m, 'on_time'), rec('s2', m, 'on_time')]),
      ...members.slice(0, late).flatMap((m, i) => [rec('s3', m, 'late', i + 1), rec('s4', m, 'on_time')]),
    ],
    leave: [
      ...members.slice(late, late + leave).map((m, i) => ({ no: i + 1, platform: m.platform, userId: m.userId, name: m.name, day: D2, status: 'approved' as const })),
      ...members.slice(0, Math.min(n, 12)).map((m, i) => ({ no: 100 + i, platform: m.platform, userId: m.userId, name: m.name, day: '2027-03-03', status: 'pending' as const })),
    ],
    homework: [{ id: 'h1', day: D1, seq: 1, deadline: at(D1, '23:59') }],
    submissions: members.slice(0, 3).map((m) => ({ homeworkId: 'h1', platform: m.platform, userId: m.userId, version: 1, submittedAt: at(D1, '20:00'), late: false })),
    moderation: [{ kind: 'warn', at: at(D2, '10:00') }, { kind: 'remove', at: at(D2, '10:30') }],
    progress: { surveys: { sent: n, answered: 3 }, followUps: { due: 4, answered: 1 } },
  };
}

const render = (input: DigestInput, day = D2) => renderDigest(computeDigest(input, day));
const lineWith = (text: string, needle: string) => text.split('\n').find((l) => l.includes(needle)) ?? '';

/** Day one of `cohort(6, 6, 0)` with nothing to act on: timetable in advance, every homework handed in, no leave waiting. */
function quietDay(): DigestInput {
  const input = cohort(6, 6, 0);
  const all = input.members.map((m) => ({ homeworkId: 'h1', platform: m.platform, userId: m.userId, version: 1, submittedAt: at(D1, '20:00'), late: false }));
  return { ...input, cohort: { ...input.cohort, timetableFirstProvidedAt: at('2027-02-27', '10:00') }, leave: [], submissions: all, moderation: [] };
}

describe('renderDigest', () => {
  it('fits a 50-trainee day with problems on one phone screen: the verdict first, the title, the figures, #导出 last', () => {
    const lines = render(cohort(50, 20, 10)).split('\n');
    expect(lines.length).toBeLessThanOrEqual(DIGEST_MAX_LINES);
    expect(lines[0]).toBe('⚠️ 需处理：待批请假 12 条、缺勤 20 人、待点评 3 份 等 6 项');
    expect(lines[1]).toBe('📊「交城县电商培训第3期」日报 03-02（第2天/共2天）');
    expect(lines[lines.length - 1]).toBe('完整名单和明细：发送 #导出 签到表 或 #导出 成绩表');
    expect(lines.join('\n').length).toBeLessThan(600);
  });

  it('says all is well in its first line when nothing needs staff', () => {
    const text = render(quietDay(), D1);
    expect(text.split('\n')[0]).toBe('✅ 一切正常，无需处理（出勤率 100%）');
    expect(text).not.toContain('⚠️');
    expect(lineWith(text, '讲师')).toBe('✅ 讲师 王老师138****…：授课时长、每日作业、课表都达标');
  });

  it('gives the rate with the late and leave counts, and names the first absentees', () => {
    const text = render(cohort(6, 2, 1));
    expect(lineWith(text, '出勤率 40%')).toBe('出勤率 40%（到课/应到 4/10 人次，2 节课），迟到 2 人，请假 1 人（不计入应到）');
    expect(lineWith(text, '缺勤 3 人：')).toBe('⚠️ 缺勤 3 人：学员03、学员04、学员05');
  });

  it('folds long lists into 等 N: a few names each, the full lists are in the workbooks', () => {
    const text = render(cohort(50, 20, 10));
    expect(lineWith(text, '缺勤 20 人：')).toBe(`⚠️ 缺勤 20 人：${['学员30', '学员31', '学员32'].slice(0, DIGEST_MAX_NAMES).join('、')} 等 20 人`);
    expect(lineWith(text, '待批请假 12 条：')).toBe('⚠️ 待批请假 12 条：#100 张三139****5…、#101 学员01 等 12 条（#批准请假 <编号>）');
    expect(lineWith(text, '⚠️ 需关注 ')).toMatch(/^⚠️ 需关注 \d+ 人：学员30（累计缺勤2节、缺交作业1次）、学员31（累计缺勤2节、缺交作业1次） 等 \d+ 人$/);
  });

  it('marks risks with ⚠️: unreviewed homework, no homework today, short hours, late timetable, a drop below half of day one', () => {
    const text = render(cohort(6, 2, 1));
    expect(text).toContain('⚠️ 待点评 3 份（今天内）');
    expect(text).toContain('⚠️ 今天没有布置作业');
    expect(lineWith(text, '讲师')).toBe('⚠️ 讲师 王老师138****…：授课不足 6 小时：03-02 5小时；课表开班后才提供');
    expect(lineWith(text, '出勤率趋势')).toBe('⚠️ 出勤率趋势：首日 100% → 今天 40%（不足首日一半）');
    expect(lineWith(text, '群管理')).toBe('群管理 2 次（警告 1 · 移出 1） · 问卷已答 3/6（50%） · 回访已完成 1/4（25%）');
  });

  it('sums the day’s homework and its missing submissions once the deadline has passed', () => {
    expect(lineWith(render(cohort(6, 6, 0), D1), '作业')).toBe('作业：已交 3/6，已点评 0，未交 3');
  });

  it('counts a trainee on approved leave for the homework’s day as 请假, not 未交 or 缺交作业', () => {
    const input = cohort(6, 6, 0);
    // 学员05 has approved leave for all of day one; 学员04 only for its morning session, which does not excuse the day's homework.
    input.leave = [
      { no: 1, platform: 'wechaty', userId: 'u5', name: '学员05', day: D1, status: 'approved' },
      { no: 2, platform: 'wechaty', userId: 'u4', name: '学员04', day: D1, sessionId: 's1', status: 'approved' },
    ];
    const text = render(input, D1);
    expect(lineWith(text, '作业')).toBe('作业：已交 3/5，已点评 0，未交 2，请假 1 人（不计入应交）');
    expect(lineWith(text, '⚠️ 需关注 ')).toBe('⚠️ 需关注 2 人：学员03（累计缺交作业1次）、学员04（累计缺交作业1次）');
    expect(text).not.toContain('学员05');
  });

  it('says the 需关注 counts are cumulative, so they read apart from the day’s 缺勤', () => {
    // Day two: 学员05 is absent from both sessions today; the risk line counts since the start.
    const text = render(cohort(6, 4, 0));
    expect(lineWith(text, '缺勤 2 人：')).toBe('⚠️ 缺勤 2 人：学员04、学员05');
    expect(lineWith(text, '⚠️ 需关注 ')).toMatch(/^⚠️ 需关注 \d+ 人：学员04（累计缺勤2节、缺交作业1次）/);
  });

  it('never prints a phone number, from a trainee’s nickname or a lecturer’s name', () => {
    const digest = computeDigest(cohort(6, 2, 1), D2);
    for (const text of [renderDigest(digest), renderDigestForWebhook(digest).markdown]) {
      expect(text).toContain('张三');
      expect(text).toContain('王老师');
      expect(text.replace(/\D/g, ' ')).not.toMatch(/13912345678|1391234|13800001111|1380000/);
      expect(text).not.toContain(LECTURER_PHONE);
    }
  });

  it('says when the day’s sessions have not ended yet', () => {
    const text = renderDigest(computeDigest(cohort(6, 2, 1), D2, { now: at(D2, '08:30') }));
    expect(text.split('\n')[1]).toBe('📊「交城县电商培训第3期」日报 03-02（第2天/共2天） 截至 08:30');
    expect(text).toContain('出勤：今天的 2 节课还没有结束');
  });

  it('renders the webhook markdown with the verdict in bold and the same lines', () => {
    const { title, markdown } = renderDigestForWebhook(computeDigest(cohort(6, 2, 1), D2));
    expect(title).toBe('📊「交城县电商培训第3期」日报 03-02（第2天/共2天）');
    expect(markdown.split('\n').slice(0, 4)).toEqual([`### ${title}`, '**⚠️ 需处理：待批请假 6 条、缺勤 3 人、出勤率不足首日一半 等 7 项**', '', '- 出勤率 40%（到课/应到 4/10 人次，2 节课），迟到 2 人，请假 1 人（不计入应到）']);
    expect(markdown.endsWith('完整名单和明细：发送 #导出 签到表 或 #导出 成绩表')).toBe(true);
  });
});
