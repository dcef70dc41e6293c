import type { Member, Session } from '../../../../src/domain/types';
import { computeDigest, type DigestInput } from '../../../../src/features/reporting/digest';
import { DIGEST_MAX_NAMES, renderDigest, renderDigestForWebhook } from '../../../../src/features/reporting/render-digest';

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

describe('renderDigest', () => {
  it('titles the digest 「班级名」日报 MM-dd with the training day', () => {
    expect(render(cohort(6, 2, 1)).split('\n')[0]).toBe('📊「交城县电商培训第3期」日报 03-02（第2天/共2天）');
  });

  it('gives the rate and names the late (with minutes), the absent and those on leave', () => {
    const text = render(cohort(6, 2, 1));
    expect(lineWith(text, '出勤率')).toBe('出勤率 40%：到课 4/10 人次（2 节课，请假 2 人次不计）');
    expect(lineWith(text, '迟到')).toBe('迟到 2 人：张三139****5… 1分钟、学员01 2分钟');
    expect(lineWith(text, '缺勤')).toBe('⚠️ 缺勤 3 人：学员03（2节）、学员04（2节）、学员05（2节）');
    expect(lineWith(text, '请假 1 人')).toBe('请假 1 人：学员02（2节）');
  });

  it('marks risks with ⚠️: unreviewed homework, short hours, late timetable, a drop below half of day one, pending leave', () => {
    const text = render(cohort(6, 2, 1));
    expect(text).toContain('⚠️ 待点评：03-01 第1项 3 份（今天内点评）');
    expect(text).toContain('⚠️ 今天没有布置作业');
    expect(lineWith(text, '授课时长')).toBe('⚠️ 授课时长（每天≥6小时）：03-01 6小时、03-02 5小时⚠️');
    expect(text).toContain('⚠️ 课表：开班后才提供（03-01 08:00）');
    expect(lineWith(text, '→')).toBe('03-01 100%（首日） → 03-02 40%（首日的 40%）⚠️');
    expect(text).toMatch(/【待批请假】\n⚠️ 6 条：#100 张三139\*\*\*\*5… 03-03、.*#105 学员05 03-03（#批准请假 <编号>）$/m);
    expect(text).toContain('【群管理】\n2 次：警告 1 · 移出 1');
    expect(text).toContain('问卷已答 3/6（50%） · 回访已完成 1/4（25%）');
  });

  it('lists the at-risk trainees with their reasons', () => {
    expect(lineWith(render(cohort(6, 2, 1)), '⚠️ 学员03')).toBe('⚠️ 学员03（缺勤2节、缺交作业1次）、学员04（缺勤2节、缺交作业1次）、学员05（缺勤2节、缺交作业1次）');
    // Nobody handed in day one's homework: 学员02, on leave today, is listed for the homework alone.
    expect(render({ ...cohort(6, 2, 1), submissions: [] })).toContain('学员02（缺交作业1次）');
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

  it('folds long name lists into 等 N 人 and stays under 1,800 characters for 50 trainees', () => {
    const text = render(cohort(50, 20, 10));
    const late = lineWith(text, '迟到');
    expect(late.split('、')).toHaveLength(DIGEST_MAX_NAMES);
    expect(late).toMatch(/学员07 8分钟 等 20 人$/);
    expect(lineWith(text, '缺勤')).toMatch(/等 20 人$/);
    expect(lineWith(text, '请假 10 人')).toMatch(/等 10 人$/);
    expect(text).toMatch(/#107 学员07 03-03 等 12 条/);
    expect(text.length).toBeLessThan(1800);
  });

  it('says when the day’s sessions have not ended yet', () => {
    const text = renderDigest(computeDigest(cohort(6, 2, 1), D2, { now: at(D2, '08:30') }));
    expect(text.split('\n')[1]).toBe('截至 08:30');
    expect(text).toContain('今天的 2 节课还没有结束。');
  });

  it('renders the webhook markdown with the same sections as headings', () => {
    const { title, markdown } = renderDigestForWebhook(computeDigest(cohort(6, 2, 1), D2));
    expect(title).toBe('📊「交城县电商培训第3期」日报 03-02（第2天/共2天）');
    expect(markdown).toContain('#### 出勤\n- 出勤率 40%：到课 4/10 人次');
  });
});
