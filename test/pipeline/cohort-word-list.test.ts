/**
 * A cohort's staff change what moderation acts on in their cohort, in chat (#敏感词), effective
 * at once and audited: an added word is a sure hit of its category (spaced out or full-width
 * too), a deleted listed word raises nothing there any more, another cohort keeps the shared
 * list, and bad input is answered with the usage.
 */
import type { ChatUser } from '../../src/platform/chat-event';
import { startPipeline, type Pipeline } from '../support/pipeline';
import { Types } from 'mongoose';
import { cohortWordModel } from '../../src/stores/models/cohort-word.model';

const GROUP_A = 'room-words-a@chatroom';
const GROUP_B = 'room-words-b@chatroom';

describe('#敏感词: a cohort word list changed in chat', () => {
  let p: Pipeline;
  const admin: ChatUser = { id: 'admin-w', name: '王主任' };
  const staff: ChatUser = { id: 'staff-w', name: '周干事' };
  const trainee: ChatUser = { id: 'trainee-w', name: '学员甲' };
  const texts = (rs: { message: { text: string } }[]) => rs.map((r) => r.message.text).join('\n');
  let cohortA = '';

  beforeAll(async () => {
    p = await startPipeline('cohortwords', { FLOOD_MAX_MESSAGES: '1000', ADMIN_IDS: admin.id });
    p.clock.set(new Date('2027-03-01T10:00:00+08:00'));
    for (const [group, name] of [
      [GROUP_A, '网店A班'],
      [GROUP_B, '网店B班'],
    ] as const) {
      const code = /班级码：([A-Z0-9]{6})/.exec(texts(await p.say(admin, `#新建班级 ${name} 2027-03-01 2027-03-02`, group)))![1]!;
      await p.say(admin, `#绑定 ${code}`, group);
    }
    await p.say(admin, `#授权 @${staff.name} 工作人员`, GROUP_A, [staff]);
    cohortA = (await p.deps.stores.bindings.findByGroup('wechaty', GROUP_A))!.cohortId;
  });

  afterAll(async () => {
    await p?.stop();
  });

  it('an added word is warned about in that cohort at once, however it is spaced, and not in another cohort', async () => {
    // Not on the shared list: ordinary chat before.
    expect((await p.say(trainee, '进上车群领福利', GROUP_A)).filter((m) => m.target.id === GROUP_A)).toEqual([]);
    expect(texts(await p.say(staff, '#敏感词 添加 上车群 广告', GROUP_A))).toContain('已添加：本班群里出现「上车群」将按「广告」处理');
    const warned = (await p.say(trainee, '进 上 车 群 领福利', GROUP_A)).filter((m) => m.target.id === GROUP_A);
    expect(warned).toHaveLength(1);
    expect(warned[0]!.message.mentions?.map((m) => m.id)).toEqual([trainee.id]);
    expect((await p.deps.stores.moderation.list(cohortA)).filter((r) => r.kind === 'warn')).toHaveLength(1);
    expect((await p.say(trainee, '进上车群领福利', GROUP_B)).filter((m) => m.target.id === GROUP_B)).toEqual([]);
  });

  it('a deleted listed word raises nothing in that cohort, keeps who changed it and when, and another cohort still acts on it', async () => {
    const listed = '赌场';
    expect((await p.say(trainee, `周末去${listed}玩`, GROUP_B)).filter((m) => m.target.id === GROUP_B)).toHaveLength(1);
    expect(texts(await p.say(staff, `#敏感词 删除 ${listed}`, GROUP_A))).toContain(`本班以后不再因「${listed}」处理或提示`);
    expect((await p.say(trainee, `周末去${listed}玩`, GROUP_A)).filter((m) => m.target.id === GROUP_A)).toEqual([]);
    const list = texts(await p.say(staff, '#敏感词', null));
    expect(list).toContain('添加：「上车群」广告（03-01 10:00）');
    expect(list).toContain(`不处理：「${listed}」（03-01 10:00）`);
    const stored = await p.conn.db!.collection('cohort_words').findOne({ word: listed });
    expect(stored).toMatchObject({ op: 'lift', by: staff.id });
    expect(stored!.history).toHaveLength(1);
  });

  it('bad input gets the usage; a trainee cannot change the list', async () => {
    expect(texts(await p.say(staff, '#敏感词 添加 上车群', GROUP_A))).toContain('请写上类别');
    expect(texts(await p.say(staff, '#敏感词 添加 群 广告', GROUP_A))).toContain('至少要两个字');
    expect(texts(await p.say(staff, '#敏感词 加上 上车群', GROUP_A))).toContain('用法：#敏感词');
    expect(texts(await p.say(trainee, '#敏感词 删除 福利', GROUP_A))).toMatch(/只有.*可以使用/);
  });

  it("messages that arrive together read a cohort's list once, and a change made here is seen at once", async () => {
    const stores = p.deps.stores;
    const other = { id: new Types.ObjectId().toString() };
    const find = jest.spyOn(cohortWordModel(p.conn), 'find');
    try {
      const lists = await Promise.all(Array.from({ length: 8 }, () => stores.cohortWords.list(other.id)));
      expect(lists.every((l) => l.length === 0)).toBe(true);
      expect(find).toHaveBeenCalledTimes(1);
      await stores.cohortWords.set(other.id, { word: '拼团返现', op: 'add', category: '诈骗', by: staff.id, at: p.clock.now() });
      expect((await stores.cohortWords.list(other.id)).map((w) => w.word)).toEqual(['拼团返现']);
    } finally {
      find.mockRestore();
    }
  });
});
