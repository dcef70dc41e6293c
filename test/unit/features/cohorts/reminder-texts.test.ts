import { DEFAULT_COHORT_SETTINGS, type Session } from '../../../../src/domain/types';
import { dayReminderText, rememberingTimeFormat, sessionReminderExpiry, sessionReminderText } from '../../../../src/features/cohorts/reminder-texts';
import { groupRules } from '../../../../src/features/cohorts/texts';

const TZ = 'Asia/Shanghai';
const settings = { signInOpensMinutes: 20, arriveEarlyMinutes: 10, flagNotEarly: false };
const session: Session = {
  id: 's1', cohortId: 'c1', day: '2027-03-02', startsAt: new Date('2027-03-02T09:00:00+08:00'), endsAt: new Date('2027-03-02T12:00:00+08:00'),
  title: '直播基础', lecturerName: '张老师', cancelled: false,
};

describe('cohort reminder and welcome texts', () => {
  it('the evening-before reminder asks trainees to arrive as early as the cohort says', () => {
    const text = dayReminderText('2027-03-02', [session], { timezone: TZ, settings });
    expect(text.split('\n')).toEqual(['📅 明天（03-02）的课程：', '1. 03-02 09:00-12:00 直播基础 张老师', '请提前 10 分钟到场签到，不迟到、不早退。']);
  });

  it('a batch that remembers the times it wrote says what each reminder alone says, zone by zone', () => {
    const format = rememberingTimeFormat();
    const later = { ...session, startsAt: new Date('2027-03-02T14:00:00+08:00'), endsAt: new Date('2027-03-02T17:00:00+08:00') };
    for (let round = 0; round < 2; round++) {
      for (const timezone of [TZ, 'Europe/Berlin']) {
        for (const s of [session, later]) {
          for (const minutes of [30, 5]) {
            expect(sessionReminderText(s, { timezone, settings }, minutes, format)).toBe(sessionReminderText(s, { timezone, settings }, minutes));
            expect(sessionReminderExpiry(s, timezone, minutes, format)).toEqual(sessionReminderExpiry(s, timezone, minutes));
          }
        }
      }
    }
    expect(sessionReminderText(session, { timezone: 'Europe/Berlin', settings }, 30, format)).toContain('02:00-05:00 直播基础');
  });

  it('the evening-before reminder keeps 5 minutes for a cohort on the default settings', () => {
    expect(dayReminderText('2027-03-02', [session], { timezone: TZ, settings: DEFAULT_COHORT_SETTINGS })).toContain('请提前 5 分钟到场签到');
  });

  it('the group rules a newcomer is welcomed with name the cohort\'s arrive-early minutes', () => {
    expect(groupRules(settings)).toContain('上课提前 10 分钟入场并签到');
    expect(groupRules(DEFAULT_COHORT_SETTINGS)).toContain('上课提前 5 分钟入场并签到');
  });
});
