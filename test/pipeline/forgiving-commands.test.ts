/** Typos, unknown commands, bare 帮助 and extra arguments get an answer; ordinary chat stays silent. */
import type { ChatUser } from '../../src/platform/chat-event';
import { startPipeline, type Pipeline } from '../support/pipeline';

const at = (day: string, hhmm: string) => new Date(`${day}T${hhmm}:00+08:00`);
const D0 = '2027-06-06';
const D1 = '2027-06-07';

describe('forgiving commands (near misses, help, extra arguments)', () => {
  let p: Pipeline;
  let cohortId = '';
  const admin: ChatUser = { id: 'u-admin', name: '刘干事' };
  const trainee: ChatUser = { id: 'u-t1', name: '学员甲' };
  const group = 'room-typos@chatroom';
  const say = async (text: string, where: string | null = group, from: ChatUser = trainee) => (await p.say(from, text, where)).map((s) => s.message.text);

  beforeAll(async () => {
    p = await startPipeline('typos', { ADMIN_IDS: admin.id, FLOOD_MAX_MESSAGES: '1000' });
    p.clock.set(at(D0, '10:00'));
    const created = await p.say(admin, `#新建班级 纠错班 ${D1} ${D1}`, null);
    const code = /班级码：([A-Z0-9]{6})/.exec(created[0]!.message.text)![1]!;
    await p.say(admin, `#绑定 ${code}`, group);
    cohortId = (await p.deps.stores.cohorts.findByCode(code))!.id;
    await p.deps.stores.members.setRole(cohortId, 'wechaty', trainee, 'trainee', p.clock.now());
    await p.say(admin, `#课表\n${D1.slice(5)} 09:00-12:00 开店流程 张老师`, group);
    await p.say(admin, '#提交方案', group);
    await p.say(admin, `#批准 ${code}`, null);
  });
  afterAll(() => p.stop());

  it('answers #签道 with 「你是不是想发 #签到？」 and signs nobody in', async () => {
    p.clock.set(at(D1, '08:55'));
    expect(await say('#签道')).toEqual([expect.stringContaining('你是不是想发 #签到？')]);
    expect(await say('＃qiandao')).toEqual([expect.stringContaining('你是不是想发 #签到？')]);
    // Typed with the wrong characters and no #, alone, as 签到 is sent bare.
    expect(await say('签道')).toEqual([expect.stringContaining('你是不是想发 #签到？')]);
    expect(await say('签道！')).toEqual([expect.stringContaining('你是不是想发 #签到？')]);
    // … and followed by a name, as 签到 is sent with one.
    expect(await say('签道 吴德福')).toEqual([expect.stringContaining('你是不是想发 #签到？')]);
    expect(await say('签道，吴德福')).toEqual([expect.stringContaining('你是不是想发 #签到？')]);
    const [session] = await p.deps.stores.sessions.listByCohort(cohortId);
    expect(await p.deps.stores.attendance.listBySession(session!.id)).toHaveLength(0);
  });

  it('answers an unknown #word with the pointer to 帮助, in the group and in private', async () => {
    expect(await say('#abc')).toEqual([expect.stringContaining('没有「abc」这个命令')]);
    expect(await say('#abc', null)).toEqual([expect.stringContaining('没有「abc」这个命令')]);
  });

  it('answers a bare 帮助 and a lone # with the help, in the group and in private', async () => {
    for (const [text, where] of [['帮助', group], ['帮助', null], ['#', group], ['＃', null]] as const) {
      const replies = await say(text, where);
      expect(replies).toHaveLength(1);
      expect(replies[0]).toContain('我能帮你做这些');
    }
  });

  it('gives the usage to #签到 with arguments it does not take, and records nothing', async () => {
    p.clock.set(at(D1, '08:56'));
    const replies = await say('#签到 乱码 参数 太多');
    expect(replies).toEqual([expect.stringContaining('正确用法：#签到')]);
    expect(replies[0]).toContain('「签到」后面不用加内容');
    const [session] = await p.deps.stores.sessions.listByCohort(cohortId);
    expect(await p.deps.stores.attendance.listBySession(session!.id)).toHaveLength(0);
    // Punctuation and emoji after the word are how people write; that is a sign-in.
    await say('#签到！👍');
    expect(await p.deps.stores.attendance.listBySession(session!.id)).toHaveLength(1);
    // The board follows on its own; let it go out before the next test counts replies.
    for (let i = 0; i < 200 && !p.sent.some((s) => s.message.text.includes('已签到 1/1')); i++) await new Promise((r) => setTimeout(r, 10));
  });

  it('stays silent on ordinary chat, WeChat emoticon codes and a far-off /word', async () => {
    for (const text of ['今天天气不错', '/::)', '/微笑', '老师讲得好 #点赞', '帮助我一下可以吗', '千岛湖的橙子到了', '钱到账了吗']) {
      expect(await say(text)).toEqual([]);
    }
  });
});
