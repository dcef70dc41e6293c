/** Replies that reach the right person with the right state: 授权 hints, a room 批准请假 confirmed to staff, 我的 with upcoming leave. */
import type { ChatUser } from '../../src/platform/chat-event';
import { startPipeline, type Pipeline } from '../support/pipeline';

const at = (day: string, hhmm: string) => new Date(`${day}T${hhmm}:00+08:00`);
const D1 = '2027-05-10';
const D2 = '2027-05-11';

describe('right person, right state', () => {
  let p: Pipeline;
  let cohortId = '';
  const admin: ChatUser = { id: 'u-admin', name: '刘干事' };
  const lecturer: ChatUser = { id: 'u-lec', name: '张老师' };
  const trainee: ChatUser = { id: 'u-t1', name: '学员甲' };
  const group = 'room-right@chatroom';
  const sayAt = async (when: Date, from: ChatUser, text: string, where: string | null = group, mentions: ChatUser[] = []) => {
    p.clock.set(when);
    return p.say(from, text, where, mentions);
  };

  beforeAll(async () => {
    p = await startPipeline('rightperson', { ADMIN_IDS: admin.id, FLOOD_MAX_MESSAGES: '1000' });
    const created = await sayAt(at(D1, '07:00'), admin, `#新建班级 对人对事班 ${D1} ${D2}`, null);
    const code = /班级码：([A-Z0-9]{6})/.exec(created[0]!.message.text)![1]!;
    await sayAt(at(D1, '07:01'), admin, `#绑定 ${code}`);
    cohortId = (await p.deps.stores.cohorts.findByCode(code))!.id;
    await p.deps.stores.members.setRole(cohortId, 'wechaty', trainee, 'trainee', p.clock.now());
    await sayAt(at(D1, '07:02'), admin, `#课表\n${D1.slice(5)} 09:00-12:00 开店流程 张老师\n${D2.slice(5)} 09:00-12:00 直播带货 张老师\n${D2.slice(5)} 14:00-17:00 短视频 张老师`);
  });
  afterAll(() => p.stop());

  it('#绑定 lists who it enrolled and keeps a member named like a timetable lecturer out of the trainees, proposing 授权', async () => {
    const created = await sayAt(at(D1, '07:20'), admin, `#新建班级 绑定名单班 ${D1} ${D2}`, null);
    const code = /班级码：([A-Z0-9]{6})/.exec(created[0]!.message.text)![1]!;
    const other = (await p.deps.stores.cohorts.findByCode(code))!;
    await p.deps.stores.sessions.upsertMany(other.id, [
      { day: D1, startsAt: at(D1, '09:00'), endsAt: at(D1, '12:00'), title: '开店流程', lecturerName: '张老师' },
    ]);
    const room = 'room-bind-list@chatroom';
    const people: ChatUser[] = [{ id: 'u-zhang', name: '张老师' }, { id: 'u-a', name: '学员子' }, { id: 'u-b', name: '学员丑' }, admin];
    p.deps.outbound.listMembers = async () => people;
    try {
      const [reply] = await sayAt(at(D1, '07:21'), admin, `#绑定 ${code}`, room);
      const text = reply!.message.text;
      expect(text).toContain('登记学员 2 人');
      expect(text).toContain('新登记为学员：学员子、学员丑');
      expect(text).toContain('「张老师」与课表讲师同名，没有登记为学员；是讲师请发 #授权 @张老师 讲师');
      expect((await p.deps.stores.members.listWithRole(other.id, 'trainee')).map((m) => m.name).sort()).toEqual(['学员丑', '学员子']);
    } finally {
      delete p.deps.outbound.listMembers;
    }
  });

  it('#授权 @张老师 with no role asks for the role, naming who was @-mentioned', async () => {
    const [reply] = await sayAt(at(D1, '07:03'), admin, '#授权 @张老师', group, [lecturer]);
    expect(reply!.message.text).toContain('已 @ 张老师，还要写明身份：讲师、工作人员 或 学员');
    const [unknown] = await sayAt(at(D1, '07:04'), admin, '#授权 @张老师 班长', group, [lecturer]);
    expect(unknown!.message.text).toContain('「班长」不是可授予的身份');
    const [noAt] = await sayAt(at(D1, '07:05'), admin, '#授权 张老师 讲师');
    expect(noAt!.message.text).toContain('要 @ 授予「讲师」身份的人');
  });

  it('#批准请假 in the group tells the trainee there and confirms to the staff member privately', async () => {
    await sayAt(at(D1, '07:10'), trainee, '#请假 家里有事 5月11日 下午');
    const sent = await sayAt(at(D1, '07:11'), admin, '#批准请假 1');
    expect(sent.filter((s) => s.target.id === group).map((s) => s.message.text)).toEqual([expect.stringContaining('你的请假（编号 1')]);
    expect(sent.filter((s) => s.target.kind === 'private' && s.target.id === admin.id).map((s) => s.message.text)).toEqual(['已批准第 1 号请假（学员甲）。']);
  });

  it('我的 shows the leave coming up, approved or waiting', async () => {
    await sayAt(at(D1, '07:12'), trainee, '#请假 去医院 明天上午');
    const [reply] = await sayAt(at(D1, '07:13'), trainee, '#我的', null);
    expect(reply!.message.text).toContain('请假：05-11 第3节（已批准）、05-11 第2节（待审批）');
  });

  it("counts a lecturer's plain message soon after a trainee's question as its answer, once per question", async () => {
    await sayAt(at(D1, '07:30'), admin, '#授权 @张老师 讲师', group, [lecturer]);
    const answers = async () => (await p.deps.stores.activities.list(cohortId, 'answer')).length;
    const before = await answers();
    await sayAt(at(D1, '09:10'), trainee, '老师，主图用什么背景好？');
    await sayAt(at(D1, '09:11'), lecturer, '用白底或者自然光下的实景都可以');
    expect(await answers()).toBe(before + 1);
    // A second plain message answers nothing more; a plain message long after a question neither.
    await sayAt(at(D1, '09:12'), lecturer, '大家记得拍三张');
    await sayAt(at(D1, '10:00'), trainee, '运费怎么设置？');
    await sayAt(at(D1, '10:30'), lecturer, '下面讲直播');
    expect(await answers()).toBe(before + 1);
  });
});
