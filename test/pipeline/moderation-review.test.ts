/**
 * The review tier (issue: moderation on real class chat): a message the detector is unsure of
 * raises a numbered private note to staff and nothing in the group; `#确认 N` handles it as a
 * violation (a public warning, counted on the ladder), `#忽略 N` drops it and teaches the
 * cohort's allow-list, so the same words raise no note there again (another cohort still gets
 * them). A note is decided once, only by staff of its cohort.
 */
import type { ChatUser } from '../../src/platform/chat-event';
import { startPipeline, type Pipeline } from '../support/pipeline';

const GROUP_A = 'room-review-a@chatroom';
const GROUP_B = 'room-review-b@chatroom';
/** Slang the detector cannot be sure of (review tier only), as trainees would write it. */
const DOUBTFUL = '一起嗨，我这有货';

describe('review notes: 确认 warns in the group, 忽略 teaches the cohort', () => {
  let p: Pipeline;
  const admin: ChatUser = { id: 'admin-1', name: '王主任' };
  const staffA: ChatUser = { id: 'staff-a', name: '周干事' };
  const staffB: ChatUser = { id: 'staff-b', name: '吴干事' };
  const trainee: ChatUser = { id: 'trainee-1', name: '学员甲' };
  const other: ChatUser = { id: 'trainee-2', name: '学员乙' };
  const textsTo = (id: string, from = 0) => p.sent.slice(from).filter((m) => m.target.id === id).map((m) => m.message.text);

  beforeAll(async () => {
    p = await startPipeline('modreview', { FLOOD_MAX_MESSAGES: '1000', ADMIN_IDS: admin.id });
    p.clock.set(new Date('2027-03-01T10:00:00+08:00'));
    // An administrator sets up two cohorts, each with its own staff member.
    for (const [staff, group, name] of [
      [staffA, GROUP_A, '网店A班'],
      [staffB, GROUP_B, '网店B班'],
    ] as const) {
      const code = /班级码：([A-Z0-9]{6})/.exec((await p.say(admin, `#新建班级 ${name} 2027-03-01 2027-03-02`, group)).map((r) => r.message.text).join('\n'))![1]!;
      await p.say(admin, `#绑定 ${code}`, group);
      expect((await p.say(admin, '#授权 @' + staff.name + ' 工作人员', group, [staff])).map((r) => r.message.text).join('\n')).not.toContain('失败');
    }
  });

  afterAll(async () => {
    await p?.stop();
  });

  it('a doubtful line gets a numbered private note to staff and nothing in the group', async () => {
    const before = p.sent.length;
    await p.say(trainee, DOUBTFUL, GROUP_A);
    expect(textsTo(GROUP_A, before)).toEqual([]);
    const notes = textsTo(staffA.id, before);
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatch(/^【待审核 \d+】网店A班：学员甲 的消息可能违规/);
    expect(notes[0]).toMatch(/回复「#确认 \d+」按违规处理/);
    // Why, in words staff read: the category, the words, the rule's Chinese name; no internal rule names.
    expect(notes[0]).toContain('依据：毒品「一起嗨」（疑似毒品说法）');
    expect(notes[0]).not.toMatch(/[a-z]{2,}/);
    // Staff of another cohort hear nothing of it.
    expect(textsTo(staffB.id, before)).toEqual([]);
  });

  it('#确认 N warns the sender in the group once; a second decision is refused', async () => {
    const before = p.sent.length;
    await p.say(trainee, '有飞行员吗，带你飞一下', GROUP_A);
    const no = Number(/【待审核 (\d+)】/.exec(textsTo(staffA.id, before)[0]!)![1]);
    // Staff of another cohort cannot decide it.
    expect((await p.say(staffB, `#确认 ${no}`, null)).map((r) => r.message.text).join('\n')).toContain('只有该班的工作人员可以处理');
    const confirmed = await p.say(staffA, `#确认 ${no}`, null);
    const inGroup = confirmed.filter((m) => m.target.id === GROUP_A);
    expect(inGroup).toHaveLength(1);
    expect(inGroup[0]!.message.mentions?.map((m) => m.id)).toEqual([trainee.id]);
    expect(confirmed.find((m) => m.target.id === staffA.id)!.message.text).toMatch(new RegExp(`^已确认编号 ${no}：已在群里提醒 学员甲`));
    const cohort = (await p.deps.stores.bindings.findByGroup('wechaty', GROUP_A))!.cohortId;
    const log = await p.deps.stores.moderation.list(cohort);
    expect(log.filter((r) => r.kind === 'warn' && r.userId === trainee.id)).toHaveLength(1);
    expect((await p.say(staffA, `#确认 ${no}`, null)).map((r) => r.message.text).join('\n')).toContain(`编号 ${no} 已经处理过了（已确认违规）`);
    expect((await p.deps.stores.moderation.list(cohort)).filter((r) => r.kind === 'warn')).toHaveLength(1);
  });

  it('#忽略 N raises no warning, and the same words raise no note in that cohort again, but still do in another', async () => {
    const before = p.sent.length;
    await p.say(other, DOUBTFUL, GROUP_A);
    const no = Number(/【待审核 (\d+)】/.exec(textsTo(staffA.id, before)[0]!)![1]);
    const dismissed = await p.say(staffA, `#忽略 ${no}`, null);
    expect(dismissed.map((m) => m.message.text).join('\n')).toBe(`已忽略编号 ${no}，没有在群里处理。本班以后不再因「疑似毒品说法」提示。`);
    expect(dismissed.filter((m) => m.target.id === GROUP_A)).toEqual([]);

    const later = p.sent.length;
    await p.say(other, DOUBTFUL, GROUP_A);
    expect(textsTo(staffA.id, later)).toEqual([]);
    await p.say(other, DOUBTFUL, GROUP_B);
    expect(textsTo(staffB.id, later)).toHaveLength(1);
  });

  it('a line only the review model doubts gets a note with its guess; a command holding the same words gets none', async () => {
    const lure = '兄弟们有个来钱快的路子，稳稳的，想上车的私';
    const before = p.sent.length;
    await p.say(trainee, lure, GROUP_B);
    expect(textsTo(GROUP_B, before)).toEqual([]);
    const notes = textsTo(staffB.id, before);
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatch(/\n依据：整句与以往的违规消息相似（估计 \d+%）\n/);
    expect(notes[0]).not.toMatch(/[a-z]{2,}/);
    // The message stands once in the note, as 原文.
    expect(notes[0]!.split(lure)).toHaveLength(2);
    // A leave request is read by the bot: the model does not judge commands.
    const later = p.sent.length;
    await p.say(trainee, `#请假 ${lure}`, GROUP_B);
    expect(textsTo(staffB.id, later).filter((t) => t.includes('待审核'))).toEqual([]);
  });

  it('a threat laughed off in the same breath gets a note that says so, in Chinese, and nothing in the group', async () => {
    const before = p.sent.length;
    await p.say(trainee, '老王你再抢我沙发我就弄死你哈哈😂', GROUP_B);
    expect(textsTo(GROUP_B, before)).toEqual([]);
    const notes = textsTo(staffB.id, before);
    expect(notes).toHaveLength(1);
    expect(notes[0]).toContain('依据：暴恐「弄死你」（威胁伤人，但同一句里在笑，可能是玩笑）');
    expect(notes[0]).not.toMatch(/[a-z]{2,}/);
  });

  it('a number that does not exist, or none, is answered with what to send', async () => {
    expect((await p.say(staffA, '#确认 9999', null)).map((r) => r.message.text).join('\n')).toContain('没有编号为 9999 的待审核消息');
    expect((await p.say(staffA, '#忽略', null)).map((r) => r.message.text).join('\n')).toContain('#忽略 12');
  });
});
