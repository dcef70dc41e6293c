import { boardKeyOf } from '../../../../src/platform/web/board-key';

describe('boardKeyOf', () => {
  it('keys a sign-in board by its first line, the same for every refresh of one session', () => {
    const first = '📋 签到 03-01 09:00-12:00 直播基础\n已签到 1/4\n✅ 学员甲';
    const later = '📋 签到 03-01 09:00-12:00 直播基础\n已签到 4/4\n✅ 学员甲、学员乙、学员丙、学员丁';
    expect(boardKeyOf(first)).toBe('📋 签到 03-01 09:00-12:00 直播基础');
    expect(boardKeyOf(later)).toBe(boardKeyOf(first));
    expect(boardKeyOf('📋 签到 03-01 14:00-17:00 直播实操\n已签到 0/4')).not.toBe(boardKeyOf(first));
  });
  it('gives other messages no key, including a closing that quotes a board', () => {
    expect(boardKeyOf('作业已收到。')).toBeUndefined();
    expect(boardKeyOf('本节课签到已结束。\n📋 签到 03-01 09:00-12:00 直播基础')).toBeUndefined();
    expect(boardKeyOf('📋 讲师考核表：张老师\n班级：直播带货一期')).toBeUndefined();
  });
});
