import { parseTimetable } from '../../../../src/features/cohorts/timetable-parse';

const cohort = { startDate: '2027-03-01', endDate: '2027-03-05', timezone: 'Asia/Shanghai' };

describe('parseTimetable', () => {
  it('reads date, time range, title and lecturer in the cohort time zone', () => {
    const { sessions, errors } = parseTimetable(['03-01 09:00-12:00 直播基础 张老师'], cohort);
    expect(errors).toEqual([]);
    expect(sessions).toEqual([
      {
        day: '2027-03-01',
        startsAt: new Date('2027-03-01T01:00:00Z'),
        endsAt: new Date('2027-03-01T04:00:00Z'),
        title: '直播基础',
        lecturerName: '张老师',
      },
    ]);
  });
  it('accepts full dates, 月日 and full-width colons', () => {
    const { sessions } = parseTimetable(['2027-03-02 9:00-11:30 选品', '3月3日 14：00-17：00 拍摄 【李老师】'], cohort);
    expect(sessions.map((s) => [s.day, s.lecturerName])).toEqual([
      ['2027-03-02', ''],
      ['2027-03-03', '李老师'],
    ]);
  });
  it('rejects everything when one line is bad, naming the line', () => {
    const { sessions, errors } = parseTimetable(['03-01 09:00-12:00 直播基础', '03-02 12:00-09:00 倒着的课'], cohort);
    expect(sessions).toEqual([]);
    expect(errors).toEqual([{ line: 2, text: '03-02 12:00-09:00 倒着的课', reason: '结束时间要晚于开始时间' }]);
  });
  it('rejects a date outside the cohort', () => {
    expect(parseTimetable(['03-09 09:00-12:00 多出来的课'], cohort).errors[0]?.reason).toContain('不在班级培训期');
  });
  it('rejects two sessions starting at the same time', () => {
    expect(parseTimetable(['03-01 09:00-12:00 甲', '03-01 09:00-10:00 乙'], cohort).errors[0]).toMatchObject({ line: 2 });
  });
  it('rejects an unreadable time', () => {
    expect(parseTimetable(['03-01 上午 直播'], cohort).errors[0]?.reason).toContain('时间');
  });
});
