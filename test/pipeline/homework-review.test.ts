/** The lecturer reviews as lecturers do: several at once, by quoting a submission, and from a private chat. */
import type { ChatEvent, ChatUser } from '../../src/platform/chat-event';
import { startPipeline, type MemorySent, type Pipeline } from '../support/pipeline';

const at = (day: string, hhmm: string) => new Date(`${day}T${hhmm}:00+08:00`);
const D1 = '2027-05-17';

describe('点评 several at once, by quote, and privately', () => {
  let p: Pipeline;
  let cohortId = '';
  const admin: ChatUser = { id: 'u-admin', name: '刘干事' };
  const lecturer: ChatUser = { id: 'u-lec', name: '张老师' };
  const trainees: ChatUser[] = ['学员甲', '学员乙', '学员丙', '学员丁'].map((name, i) => ({ id: `u-t${i}`, name }));
  const [jia, yi, bing, ding] = trainees as [ChatUser, ChatUser, ChatUser, ChatUser];
  const group = 'room-review@chatroom';
  const sayAt = async (when: string, from: ChatUser, text: string, where: string | null = group, mentions: ChatUser[] = []) => {
    p.clock.set(at(D1, when));
    return p.say(from, text, where, mentions);
  };
  const reviewOf = async (who: ChatUser) => (await p.deps.stores.submissions.listByCohort(cohortId)).find((s) => s.userId === who.id)?.review;

  beforeAll(async () => {
    p = await startPipeline('hwreview', { ADMIN_IDS: admin.id, FLOOD_MAX_MESSAGES: '1000' });
    const created = await sayAt('07:00', admin, `#新建班级 点评班 ${D1} ${D1}`, null);
    const code = /班级码：([A-Z0-9]{6})/.exec(created[0]!.message.text)![1]!;
    await sayAt('07:01', admin, `#绑定 ${code}`);
    cohortId = (await p.deps.stores.cohorts.findByCode(code))!.id;
    await sayAt('07:02', admin, '#授权 @张老师 讲师', group, [lecturer]);
    for (const t of trainees) await p.deps.stores.members.setRole(cohortId, 'wechaty', t, 'trainee', p.clock.now());
    await sayAt('07:03', admin, `#课表\n${D1.slice(5)} 09:00-12:00 开店流程 张老师`);
    await sayAt('09:30', lecturer, '#布置作业 给自家产品拍三张主图 截止 21:00');
    for (const t of trainees) await sayAt('10:00', t, `#交作业 ${t.name}的三张主图`);
  });
  afterAll(() => p.stop());

  it('#点评 @甲 90 @乙 85 评语 reviews both, each with their own score and the shared comment', async () => {
    const sent = await sayAt('11:00', lecturer, '#点评 @学员甲 90 @学员乙 85 都拍得清楚', group, [jia, yi]);
    expect(await reviewOf(jia)).toMatchObject({ score: 90, comment: '都拍得清楚' });
    expect(await reviewOf(yi)).toMatchObject({ score: 85, comment: '都拍得清楚' });
    expect(sent.map((s: MemorySent) => [s.message.mentions?.[0]?.name, s.message.text])).toEqual([
      ['学员甲', '作业点评：90 分，都拍得清楚'],
      ['学员乙', '作业点评：85 分，都拍得清楚'],
    ]);
  });

  it('asks for one score per person when scores are missing, and reviews nobody', async () => {
    const [reply] = await sayAt('11:01', lecturer, '#点评 @学员丙 @学员丁 80 好', group, [bing, ding]);
    expect(reply!.message.text).toContain('要写 2 个分数');
    expect(await reviewOf(bing)).toBeUndefined();
  });

  it('reviews the trainee whose submission the message quotes', async () => {
    p.clock.set(at(D1, '11:02'));
    const event: ChatEvent = {
      id: 'quote-review-1',
      platform: 'wechaty',
      type: 'message',
      conversation: { kind: 'group', id: group },
      sender: lecturer,
      text: '#点评 88 构图好',
      mentions: [],
      mentionsBot: false,
      timestamp: p.clock.now(),
      quote: { text: '学员丙：#交作业 学员丙的三张主图' },
      fromSelf: false,
    };
    await p.bot.processEvent(event);
    expect(await reviewOf(bing)).toMatchObject({ score: 88, comment: '构图好' });
  });

  it('from a private chat: the queue comes privately and a review reaches the trainee in the class group', async () => {
    const queue = await sayAt('11:03', lecturer, '#点评', null);
    expect(queue.map((s) => s.target)).toEqual([{ kind: 'private', id: lecturer.id }]);
    expect(queue[0]!.message.text).toContain('学员丁');
    const sent = await sayAt('11:04', lecturer, '#点评 @学员丁 75', null, [ding]);
    expect(await reviewOf(ding)).toMatchObject({ score: 75 });
    expect(sent.find((s) => s.target.id === group)?.message.mentions?.[0]?.id).toBe(ding.id);
    expect(sent.find((s) => s.target.kind === 'private')?.message.text).toBe('已点评：学员丁。点评已发到班级群。');
  });

  it('the queue asked in the group goes to the lecturer privately', async () => {
    const sent = await sayAt('11:05', lecturer, '#点评');
    expect(sent.map((s) => s.target.kind)).toEqual(['private', 'group']);
    expect(sent[1]!.message.text).toBe('待点评的作业已私聊发给你。');
  });

  it('优秀作业 reposts an image with its own type: a PNG goes out as .png', async () => {
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 1)]);
    await sayAt('11:11', jia, '#交作业 补一张图');
    await p.bot.processEvent({
      id: 'png-image-2',
      platform: 'wechaty',
      type: 'message',
      conversation: { kind: 'group', id: group },
      sender: jia,
      text: '',
      mentions: [],
      mentionsBot: false,
      timestamp: at(D1, '11:12'),
      attachments: [{ kind: 'image', name: 'photo', mimeType: 'image/png', load: async () => png }],
      fromSelf: false,
    });
    const sent = await sayAt('11:13', lecturer, '#优秀作业 @学员甲', group, [jia]);
    const files = sent.flatMap((s) => (s.message.file ? [s.message.file.name] : []));
    expect(files).toEqual(['学员甲-作业-1.png']);
  });
});
