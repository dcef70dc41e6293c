import { boardKeyOf } from '../../../../src/platform/web/board-key';

describe('boardKeyOf', () => {
  it('keys a sign-in board by its first line, the same for every refresh of one session', () => {
    const first = '📋 签到 03-01 09:00-12:00 直播基础\n已签到 1/4 · 未签到 3\n⬜ 未签到：学员乙、学员丙、学员丁\n完整名单：讲师或工作人员发 #签到名单';
    const later = '📋 签到 03-01 09:00-12:00 直播基础\n已签到 4/4 · 迟到 1\n⏰ 迟到：学员丁(3分钟)\n完整名单：讲师或工作人员发 #签到名单';
    expect(boardKeyOf(first)).toBe('📋 签到 03-01 09:00-12:00 直播基础');
    expect(boardKeyOf(later)).toBe(boardKeyOf(first));
    expect(boardKeyOf('📋 签到 03-01 14:00-17:00 直播实操\n已签到 0/4')).not.toBe(boardKeyOf(first));
  });
  it('keys a homework board by its first line, the same for every refresh of one homework', () => {
    const first = '📚 作业《直播脚本》 截止 03-05 23:59\n已交 1/3 · 未交 2\n⬜ 未交：学员乙、学员丙';
    const later = '📚 作业《直播脚本》 截止 03-05 23:59\n已交 3/3 · 迟交 1 · 重交 1';
    expect(boardKeyOf(first)).toBe('📚 作业《直播脚本》 截止 03-05 23:59');
    expect(boardKeyOf(later)).toBe(boardKeyOf(first));
    expect(boardKeyOf('📚 作业《选品清单》 截止 03-05 23:59\n已交 0/3 · 未交 3')).not.toBe(boardKeyOf(first));
    // A homework board and a sign-in board never share a key.
    expect(boardKeyOf(first)).not.toBe(boardKeyOf('📋 签到 03-01 09:00-12:00 直播基础\n已签到 1/4'));
  });
  it('gives other messages no key, including a closing that quotes a board', () => {
    expect(boardKeyOf('作业已收到。')).toBeUndefined();
    expect(boardKeyOf('本节课签到已结束。\n📋 签到 03-01 09:00-12:00 直播基础')).toBeUndefined();
    // The full list sent privately is no board either.
    expect(boardKeyOf('📋 签到名单 03-01 09:00-12:00 直播基础\n已签到 4/4\n✅ 准时 4：学员甲、学员乙、学员丙、学员丁')).toBeUndefined();
    expect(boardKeyOf('📋 讲师考核表：张老师\n班级：直播带货一期')).toBeUndefined();
    // Homework: the deadline reminder (「📚 作业 」 with a space) and the private receipts are no board.
    expect(boardKeyOf('📚 作业 03-05 23:59 截止，还有 2 位同学没交：直播脚本\n发送 #交作业 <内容> 提交。')).toBeUndefined();
    expect(boardKeyOf('作业《直播脚本》已收到。')).toBeUndefined();
    expect(boardKeyOf('图片已加入你的作业（共 1 张）。')).toBeUndefined();
  });
});
