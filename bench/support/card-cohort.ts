/**
 * A realistic cohort for the picture cards: `n` trainees over three training days of two
 * sessions each, with late sign-ins, absences, approved and pending leave, daily homework
 * partly handed in and reviewed, and phone numbers in a nickname and the lecturer's name.
 * Plain data (a DigestInput), so tests and the cards benchmark draw the same cohort.
 */
import type { DigestInput } from '../../src/features/reporting/digest';

/** The cohort's time zone and its last (reported) day. */
export const CARD_TZ = 'Asia/Shanghai';
export const CARD_DAYS = ['2027-03-01', '2027-03-02', '2027-03-03'] as const;
export const CARD_DAY = '2027-03-03';

/** The phone number carried by the first trainee's nickname (it must never be drawn). */
export const CARD_PHONE = '13912345678';

const at = (day: string, hhmm: string): Date => new Date(`${day}T${hhmm}:00+08:00`);

/** The cohort of `n` trainees (n ≥ 10). */
export function cardCohort(n = 50): DigestInput {
  const members = Array.from({ length: n }, (_, i) => ({
    platform: 'wechaty' as const,
    userId: `u${i}`,
    name: i === 0 ? `张三${CARD_PHONE}` : i === 1 ? '一个名字特别特别长的学员昵称' : `学员${String(i).padStart(2, '0')}`,
    roles: ['trainee' as const],
    active: true,
    joinedAt: at('2027-02-28', '10:00'),
  }));
  const sessions = CARD_DAYS.flatMap((day, d) => [
    { id: `s${d}a`, cohortId: 'c1', day, startsAt: at(day, '09:00'), endsAt: at(day, '12:00'), title: d === 0 ? '开店与选品' : `直播带货实操 ${d}`, lecturerName: '王老师 138 0000 1111', cancelled: false },
    { id: `s${d}p`, cohortId: 'c1', day, startsAt: at(day, '13:30'), endsAt: at(day, '16:30'), title: `短视频拍摄 ${d + 1}`, lecturerName: '王老师 138 0000 1111', cancelled: false },
  ]);
  // Day d: the last 2·d trainees are absent (more each day), trainees 2–4 are late on the last day, trainee 5 is on leave then.
  const attendance = sessions.flatMap((s) => {
    const d = CARD_DAYS.indexOf(s.day);
    return members
      .filter((_, i) => i < n - 4 * d && !(d === 2 && i === 5))
      .map((m, i) => ({ sessionId: s.id, platform: m.platform, userId: m.userId, status: d === 2 && i >= 2 && i <= 4 ? ('late' as const) : ('on_time' as const), minutesLate: d === 2 && i >= 2 && i <= 4 ? 5 * i : 0 }));
  });
  const leave = [
    { no: 1, platform: 'wechaty' as const, userId: 'u5', name: members[5]!.name, day: CARD_DAY, status: 'approved' as const },
    { no: 2, platform: 'wechaty' as const, userId: 'u6', name: members[6]!.name, day: '2027-03-04', status: 'pending' as const },
    { no: 3, platform: 'wechaty' as const, userId: 'u0', name: members[0]!.name, day: '2027-03-04', status: 'pending' as const },
  ];
  const homework = CARD_DAYS.map((day, d) => ({ id: `h${d}`, day, seq: 1, deadline: at(day, '23:00') }));
  const submissions = homework.flatMap((h, d) =>
    members
      .filter((_, i) => i < n - 6 - 3 * d)
      .map((m, i) => ({
        homeworkId: h.id,
        platform: m.platform,
        userId: m.userId,
        version: 1,
        submittedAt: at(h.day, '19:00'),
        late: false,
        ...(i % 3 === 0 && d < 2 ? { review: { score: 4, comment: '不错', reviewedBy: '王老师', reviewedAt: at(CARD_DAYS[d + 1]!, '10:00') } } : {}),
      })),
  );
  return {
    cohort: { id: 'c1', name: '交城县电商培训第3期', code: 'JC2703', startDate: CARD_DAYS[0], endDate: CARD_DAYS[2], timezone: CARD_TZ, timetableFirstProvidedAt: at('2027-02-27', '10:00') },
    sessions,
    members,
    attendance,
    leave,
    homework,
    submissions,
    moderation: [{ kind: 'warn', at: at(CARD_DAY, '10:00') }],
  };
}

/** The instant the digest of CARD_DAY is made (the evening digest time). */
export const CARD_NOW = at(CARD_DAY, '20:30');
