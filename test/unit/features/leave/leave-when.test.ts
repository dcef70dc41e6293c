import { placeDay, readLeaveText } from '../../../../src/features/leave/leave-when';

const TODAY = '2027-03-03'; // a Wednesday

describe('readLeaveText: when a 请假 is for, from anywhere in the text', () => {
  it.each([
    ['家里有事 明天', '家里有事', '2027-03-04'],
    ['明天 家里有事', '家里有事', '2027-03-04'],
    ['孩子发烧 后天的', '孩子发烧', '2027-03-05'],
    ['周五 去县医院复查', '去县医院复查', '2027-03-05'],
    ['下周一 喝喜酒', '喝喜酒', '2027-03-08'],
    ['家里收玉米 3月6日', '家里收玉米', '2027-03-06'],
    ['家里收玉米 03-06', '家里收玉米', '2027-03-06'],
    ['2027年3月6号 家里收玉米', '家里收玉米', '2027-03-06'],
  ])('「%s」 → reason 「%s」, day %s', (text, reason, day) => {
    const { reason: r, when } = readLeaveText(text);
    expect(r).toBe(reason);
    expect(when.days.map((d) => placeDay(d, TODAY))).toEqual([day]);
  });

  it('understands a part of the day inside the reason and keeps the reason whole', () => {
    const { reason, when } = readLeaveText('下午有事');
    expect(reason).toBe('下午有事');
    expect(when).toEqual({ days: [], part: 'afternoon' });
  });

  it('reads 第N节 in digits and in Chinese', () => {
    expect(readLeaveText('家里收玉米 第3节').when.sessionNo).toBe(3);
    expect(readLeaveText('第二节课 要去镇上').when).toMatchObject({ sessionNo: 2 });
  });

  it('finds both days when two are named, and a day plus a part', () => {
    expect(readLeaveText('今天和明天都有事').when.days).toHaveLength(2);
    expect(readLeaveText('明天上午 去银行').when).toMatchObject({ part: 'morning', days: [{ kind: 'offset', days: 1 }] });
  });

  it('does not take durations, phone numbers or impossible dates for a day', () => {
    expect(readLeaveText('要请1-2天 家里有事').when.days).toEqual([]);
    expect(readLeaveText('有事打135-2079-1900').when.days).toEqual([]);
    expect(readLeaveText('13月45日 有事').when.days).toEqual([]);
  });

  it('places a date written in December for January in the next year, and a weekday on or after today', () => {
    expect(placeDay({ kind: 'date', month: 1, day: 3, word: '1月3日' }, '2026-12-20')).toBe('2027-01-03');
    expect(placeDay({ kind: 'weekday', weekday: 3, weeksAhead: 0, word: '周三' }, TODAY)).toBe(TODAY);
    expect(placeDay({ kind: 'date', month: 2, day: 30, word: '2月30日' }, TODAY)).toBeNull();
  });
});
