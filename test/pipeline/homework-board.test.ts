/** Homework handed in by a class: the group sees one live board, each trainee hears privately, mistakes are answered where they were made. */
import type { ChatEvent, ChatUser } from '../../src/platform/chat-event';
import { SendError } from '../../src/platform/send-error';
import { startPipeline, type MemorySent, type Pipeline } from '../support/pipeline';

const at = (day: string, hhmm: string) => new Date(`${day}T${hhmm}:00+08:00`);
const D1 = '2027-05-17';
const TITLE = '给自家产品拍三张主图';
const HEADER = `📚 作业《${TITLE}》 截止 05-17 21:00`;

describe('homework board: one coalesced group message, receipts in private', () => {
  let p: Pipeline;
  const admin: ChatUser = { id: 'u-admin', name: '刘干事' };
  const lecturer: ChatUser = { id: 'u-lec', name: '张老师' };
  const trainees: ChatUser[] = Array.from({ length: 12 }, (_, i) => ({ id: `u-t${i + 1}`, name: `学员${i + 1}` }));
  const group = 'room-hwboard@chatroom';
  const sayAt = async (when: string, from: ChatUser, text: string, where: string | null = group, mentions: ChatUser[] = []) => {
    p.clock.set(at(D1, when));
    return p.say(from, text, where, mentions);
  };
  const boards = (sent: MemorySent[]) => sent.filter((s) => s.target.kind === 'group' && s.message.text.startsWith('📚 作业《'));
  /** Sends the boards still pending, as the process does at shutdown; the bot takes events again afterwards. */
  const flushBoards = () => p.bot.stop();

  beforeAll(async () => {
    // A refresh interval longer than the test: only the first board of a burst goes out before the flush.
    p = await startPipeline('hwboard', { ADMIN_IDS: admin.id, FLOOD_MAX_MESSAGES: '1000', SIGNIN_BOARD_INTERVAL_MS: '600000' });
    const created = await sayAt('07:00', admin, `#新建班级 作业看板班 ${D1} ${D1}`, null);
    const code = /班级码：([A-Z0-9]{6})/.exec(created[0]!.message.text)![1]!;
    await sayAt('07:01', admin, `#绑定 ${code}`);
    const cohortId = (await p.deps.stores.cohorts.findByCode(code))!.id;
    await sayAt('07:02', admin, '#授权 @张老师 讲师', group, [lecturer]);
    for (const t of trainees) await p.deps.stores.members.setRole(cohortId, 'wechaty', t, 'trainee', p.clock.now());
    await sayAt('07:03', admin, `#课表\n${D1.slice(5)} 09:00-12:00 开店流程 张老师`);
  });
  afterAll(() => p.stop());

  it('a 交作业 before any homework is told why in the group, as before', async () => {
    const sent = await sayAt('09:00', trainees[0]!, '#交作业 提前交');
    expect(sent.map((s) => [s.target, s.message.mentions?.[0]?.id, s.message.text])).toEqual([
      [{ kind: 'group', id: group }, trainees[0]!.id, '现在没有布置的作业，等讲师 #布置作业 后再提交。'],
    ]);
  });

  it('10 trainees hand in: the group gets at most 2 board messages, the last 已交 10/12; each trainee a private receipt', async () => {
    await sayAt('09:30', lecturer, `#布置作业 ${TITLE} 截止 21:00`);
    const before = p.sent.length;
    const privately: MemorySent[][] = [];
    for (const t of trainees.slice(0, 10)) {
      const sent = await sayAt('10:00', t, `#交作业 ${t.name}的三张主图`);
      privately.push(sent.filter((s) => s.target.kind === 'private'));
    }
    await flushBoards();
    const inGroup = p.sent.slice(before).filter((s) => s.target.kind === 'group');
    expect(inGroup.map((s) => s.message.text.split('\n')[0])).toEqual(boards(inGroup).map(() => HEADER));
    expect(inGroup.length).toBeGreaterThan(0);
    expect(inGroup.length).toBeLessThanOrEqual(2);
    expect(inGroup.at(-1)!.message.text).toBe(`${HEADER}\n已交 10/12 · 未交 2\n⬜ 未交：学员11、学员12`);
    // Each receipt reaches its trainee while their message is handled.
    expect(privately).toEqual(trainees.slice(0, 10).map((t) => [{ target: { kind: 'private', id: t.id }, message: { text: `作业《${TITLE}》已收到。` } }]));
  });

  it('an empty 交作业 is still answered in the group, and the board does not move', async () => {
    const sent = await sayAt('10:05', trainees[10]!, '#交作业');
    expect(sent.map((s) => [s.target.kind, s.message.mentions?.[0]?.id, s.message.text])).toEqual([['group', trainees[10]!.id, '作业内容是空的。请发送 #交作业 <内容>，图片可以随后发。']]);
  });

  it('counts late and resubmitted trainees once each; a third version changes nothing on the board', async () => {
    const before = p.sent.length;
    const late = await sayAt('21:30', trainees[10]!, '#交作业 晚了一点');
    expect(late.find((s) => s.target.kind === 'private')?.message.text).toBe(`作业《${TITLE}》已收到，已过截止时间，记为迟交。`);
    await sayAt('21:31', trainees[0]!, '#交作业 改好的版本');
    const third = await sayAt('21:32', trainees[0]!, '#交作业 再改一版');
    expect(third.map((s) => [s.target.kind, s.message.text])).toEqual([['private', `作业《${TITLE}》已收到（第 3 次提交，之前的也保留了），已过截止时间，记为迟交。`]]);
    await flushBoards();
    const shown = boards(p.sent.slice(before)).map((s) => s.message.text);
    expect(shown).toEqual([
      `${HEADER}\n已交 11/12 · 迟交 1 · 未交 1\n⬜ 未交：学员12`,
      `${HEADER}\n已交 11/12 · 迟交 1 · 重交 1 · 未交 1\n⬜ 未交：学员12`,
    ]);
  });

  it('a trainee the platform cannot reach privately gets a short @mention in the group instead', async () => {
    const last = trainees[11]!;
    const send = p.deps.outbound.send;
    p.deps.outbound.send = async (target, message) => {
      if (target.kind === 'private' && target.id === last.id) throw new SendError('TEST_NOT_A_FRIEND', 'not a friend of the bot', false);
      await send(target, message);
    };
    try {
      const sent = await sayAt('21:40', last, '#交作业 最后一个');
      expect(sent.filter((s) => s.message.mentions?.some((m) => m.id === last.id)).map((s) => [s.target, s.message.text])).toEqual([
        [{ kind: 'group', id: group }, '作业已收到，已过截止时间，记为迟交。'],
      ]);
      expect(sent.filter((s) => s.target.kind === 'private')).toEqual([]);
      expect(boards(sent).map((s) => s.message.text)).toEqual([`${HEADER}\n已交 12/12 · 迟交 2 · 重交 1`]);
    } finally {
      p.deps.outbound.send = send;
    }
  });

  it('a reply quoting the board is a submission: the receipt is private and the board counts the resubmission', async () => {
    const who = trainees[2]!;
    p.clock.set(at(D1, '21:45'));
    const event: ChatEvent = {
      id: 'hwboard-quote-1',
      platform: 'wechaty',
      type: 'message',
      conversation: { kind: 'group', id: group },
      sender: who,
      text: '补一版主图说明',
      mentions: [],
      mentionsBot: false,
      timestamp: p.clock.now(),
      quote: { text: `班级助手：${HEADER}` },
      fromSelf: false,
    };
    const before = p.sent.length;
    await p.bot.processEvent(event);
    await flushBoards();
    const sent = p.sent.slice(before);
    expect(sent.filter((s) => s.target.kind === 'private')).toEqual([
      { target: { kind: 'private', id: who.id }, message: { text: `作业《${TITLE}》已收到（回复作业消息），已过截止时间，记为迟交。` } },
    ]);
    expect(sent.filter((s) => s.target.kind === 'group').map((s) => s.message.text)).toEqual([`${HEADER}\n已交 12/12 · 迟交 2 · 重交 2`]);
  });
});
