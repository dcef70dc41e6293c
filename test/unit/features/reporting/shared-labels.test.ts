import { computeDigest, type DigestInput } from '../../../../src/features/reporting/digest';
import { renderDigest } from '../../../../src/features/reporting/render-digest';
import { MODERATION_KIND_NAMES } from '../../../../src/features/moderation/texts';
import { ATTENDANCE_STATUS_NAMES } from '../../../../src/features/attendance/texts';

const TZ = 'Asia/Shanghai';
const D1 = '2027-03-01';
const at = (hhmm: string) => new Date(`${D1}T${hhmm}:00+08:00`);

const input: DigestInput = {
  cohort: { id: 'c1', name: '一期', code: 'AAAAAA', startDate: D1, endDate: D1, timezone: TZ },
  sessions: [{ id: 's1', cohortId: 'c1', day: D1, startsAt: at('09:00'), endsAt: at('12:00'), title: 's1', lecturerName: '', cancelled: false }],
  members: ['u1', 'u2', 'u3'].map((userId) => ({ platform: 'wechaty' as const, userId, name: userId, roles: ['trainee' as const], active: true, joinedAt: at('08:00') })),
  attendance: [{ sessionId: 's1', platform: 'wechaty', userId: 'u1', status: 'late', minutesLate: 3 }],
  leave: [{ no: 1, platform: 'wechaty', userId: 'u2', name: 'u2', day: D1, status: 'approved' }],
  homework: [],
  submissions: [],
  moderation: (['warn', 'mute', 'remove', 'escalate', 'flood'] as const).map((kind) => ({ kind, at: at('10:00') })),
};

describe('labels the digest shares with their owning features', () => {
  const text = renderDigest(computeDigest(input, D1));

  it('names moderation actions as the moderation feature names them', () => {
    const names = Object.values(MODERATION_KIND_NAMES);
    expect(names).toEqual(['警告', '禁言', '移出', '上报', '刷屏']);
    expect(text).toContain(`群管理 5 次（${names.map((n) => `${n} 1`).join(' · ')}）`);
  });

  it('names late, absent and leave as the attendance feature names them', () => {
    expect(text).toContain(`，${ATTENDANCE_STATUS_NAMES.late} 1 人，`);
    expect(text).toContain(`⚠️ ${ATTENDANCE_STATUS_NAMES.absent} 1 人：u3`);
    expect(text).toContain(`${ATTENDANCE_STATUS_NAMES.leave} 1 人（不计入应到）`);
  });
});
