import { parseCommand, type ParseInput } from '../../../src/pipeline/parse-command';

const names = ['签到', '签退', '新建班级', '绑定', '课表', '帮助', 'checkin', 'help', 'bind'];
const base: ParseInput = { text: '', mentions: [], mentionsBot: false, botName: '班级助手', botId: 'bot' };
const parse = (text: string, extra: Partial<ParseInput> = {}) => parseCommand({ ...base, text, ...extra }, names);

describe('parseCommand', () => {
  it.each(['#签到', '/签到', '＃签到', '／签到', '# 签到'])('recognises the prefix in %s', (text) => {
    expect(parse(text)?.name).toBe('签到');
  });
  it.each(['签到', '签到！', ' 签到 ', '签退。'])('recognises the bare word %s', (text) => {
    expect(parse(text)?.name).toMatch(/签[到退]/);
  });
  it('treats a sentence containing 签到 as ordinary chat', () => {
    expect(parse('大家记得签到哦')).toBeNull();
  });
  it('treats a hashtag that names no command as ordinary chat', () => {
    expect(parse('#今日分享 直播间话术')).toBeNull();
  });
  it('recognises a command after an @mention of the bot', () => {
    expect(parse('@班级助手\u2005绑定 K7Q2MX', { mentionsBot: true })).toMatchObject({ name: '绑定', args: { tokens: ['K7Q2MX'] } });
  });
  it('takes arguments written without a space', () => {
    expect(parse('#绑定K7Q2MX')?.args.tokens).toEqual(['K7Q2MX']);
  });
  it('matches English aliases case-insensitively and only as whole words', () => {
    expect(parse('/CheckIn')?.name).toBe('checkin');
    expect(parse('/checkins')).toBeNull();
  });
  it('keeps following lines as lines', () => {
    const parsed = parse('#课表\n12-01 09:00-12:00 直播基础\n\n12-01 14:00-17:00 拍摄 ');
    expect(parsed?.args.lines).toEqual(['12-01 09:00-12:00 直播基础', '12-01 14:00-17:00 拍摄']);
  });
  it('lists mentioned people without the bot and removes their tags from the text', () => {
    const parsed = parse('#帮助 @张三\u2005看看', {
      mentions: [
        { id: 'u1', name: '张三' },
        { id: 'bot', name: '班级助手' },
      ],
    });
    expect(parsed?.args.mentions).toEqual([{ id: 'u1', name: '张三' }]);
    expect(parsed?.args.tokens).toEqual(['看看']);
  });
  it.each(['签到 张桂兰', '签到，陈建国', '签到+李建国', '签退：王芳！', '#签到 张桂兰', '签到 李建国（三组）', '签到 王芳(迟到了)', '签到 李鹏（三组，养羊的）'])('takes %s, a sign-in with the sender’s name, as the bare word', (text) => {
    expect(parse(text)).toMatchObject({ name: expect.stringMatching(/签[到退]/), args: { text: '', tokens: [] } });
  });
  it.each(['签到 在哪里', '签到 怎么弄', '签到开始了吗', '签到 张桂兰 今天准时', '签到了没', '签到 在哪里（急）', '签到 张桂兰（三组） 今天准时'])('leaves %s as chat: a question or a remark, not a name', (text) => {
    expect(parse(text)).toBeNull();
  });
  it('does not take a bare 签到 followed by more lines', () => {
    expect(parse('签到\n顺便问个问题')).toBeNull();
  });
});
