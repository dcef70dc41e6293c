import { SYSTEM_BUSY, SYSTEM_BUSY_WILL_RETRY, SYSTEM_GAVE_UP, failureReply, formatRefusal, roleRefusal } from '../../../src/pipeline/texts';

describe('pipeline texts', () => {
  it('a role refusal names who may run the command, the sender\'s roles, and that nothing changed', () => {
    expect(roleRefusal('签到', ['trainee'], ['lecturer', 'staff'])).toBe('「签到」只有学员可以使用（你的身份：讲师、工作人员），本次没有做任何改动。');
    expect(roleRefusal('批准', ['office'], [])).toBe('「批准」只有领导组办公室可以使用（你的身份：未登记），本次没有做任何改动。');
  });

  it('a malformed command is answered with the hint, the usage and the first example', () => {
    expect(formatRefusal('需要班级码', '#绑定 <班级码>', '#绑定 K7Q2MX')).toBe('格式不对：需要班级码。正确用法：#绑定 <班级码>\n例如：#绑定 K7Q2MX');
    expect(formatRefusal(undefined, '#签到', undefined)).toBe('格式不对。正确用法：#签到');
  });

  it('a failure not the sender\'s: told once that the message is kept, silent on retries, told to resend only when the bot gives up', () => {
    expect(failureReply({ attempt: 1, last: false })).toBe(SYSTEM_BUSY_WILL_RETRY);
    expect(failureReply({ attempt: 2, last: false })).toBeNull();
    expect(failureReply({ attempt: 6, last: true })).toBe(SYSTEM_GAVE_UP);
    expect(failureReply({ attempt: 1, last: true })).toBe(SYSTEM_BUSY);
  });
});
