import type { ChatUser } from '../../src/platform/chat-event';
import { startPipeline, type Pipeline } from '../support/pipeline';

type Who = 'trainee' | 'lecturer' | 'staff' | 'admin';
const WHO: Who[] = ['trainee', 'lecturer', 'staff', 'admin'];

/**
 * SPEC §2 as a table: each command with arguments that are valid, and who may run it.
 * `admin` is a configured administrator (ADMIN_IDS: staff and office rights).
 */
const TABLE: { text: string; where: 'group' | 'private'; allowed: Who[]; mention?: boolean }[] = [
  { text: '#帮助', where: 'group', allowed: WHO },
  { text: '#签到', where: 'group', allowed: ['trainee'] },
  { text: '#签退', where: 'group', allowed: ['trainee'] },
  { text: '#请假 家里有事 03-02', where: 'group', allowed: ['trainee'] },
  { text: '#我的', where: 'group', allowed: ['trainee'] },
  { text: '#登记 王五 13900001111 东坡村 小米', where: 'private', allowed: ['trainee'] },
  { text: '#课表', where: 'group', allowed: WHO },
  { text: '#课表\n03-02 14:00-17:00 直播复盘 张老师', where: 'group', allowed: ['lecturer', 'staff', 'admin'] },
  { text: '#上课', where: 'group', allowed: ['lecturer'] },
  { text: '#下课', where: 'group', allowed: ['lecturer'] },
  { text: '#新建班级 新班 2027-04-01 2027-04-03', where: 'group', allowed: ['staff', 'admin'] },
  { text: '#授权 @学员乙 讲师', where: 'group', allowed: ['staff', 'admin'], mention: true },
  { text: '#提交方案', where: 'group', allowed: ['staff', 'admin'] },
  { text: '#批准 CODE', where: 'private', allowed: ['admin'] },
  { text: '#驳回 CODE 课表不全', where: 'private', allowed: ['admin'] },
  { text: '#批准请假 1', where: 'group', allowed: ['staff', 'admin'] },
  { text: '#驳回请假 1 不批', where: 'group', allowed: ['staff', 'admin'] },
  { text: '#讲师资料 年龄 45 从业 8 年 证书 T1讲师证', where: 'group', allowed: ['lecturer', 'staff', 'admin'] },
];

describe('every command as every role (SPEC §2)', () => {
  let p: Pipeline;
  const people: Record<Who, ChatUser> = {
    trainee: { id: 'u-trainee', name: '学员甲' },
    lecturer: { id: 'u-lecturer', name: '张老师' },
    staff: { id: 'u-staff', name: '刘干事' },
    admin: { id: 'u-admin', name: '办公室主任' },
  };
  const other: ChatUser = { id: 'u-other', name: '学员乙' };
  const group = 'room-1@chatroom';
  let code = '';

  beforeAll(async () => {
    // Every command from the same people within seconds: flood control would rightly step in.
    p = await startPipeline('roletable', { ADMIN_IDS: people.admin.id, FLOOD_MAX_MESSAGES: '1000' });
    p.clock.set(new Date('2027-03-01T08:45:00+08:00'));
    const created = await p.say(people.admin, '#新建班级 角色测试班 2027-03-01 2027-03-05', group);
    code = /班级码：([A-Z0-9]{6})/.exec(created[0]!.message.text)![1]!;
    await p.say(people.admin, `#绑定 ${code}`, group);
    const cohort = (await p.deps.stores.cohorts.findByCode(code))!;
    await p.deps.stores.members.setRole(cohort.id, 'wechaty', people.staff, 'staff', p.clock.now());
    await p.deps.stores.members.setRole(cohort.id, 'wechaty', people.lecturer, 'lecturer', p.clock.now());
    await p.deps.stores.members.setRole(cohort.id, 'wechaty', people.trainee, 'trainee', p.clock.now());
    await p.deps.stores.members.setRole(cohort.id, 'wechaty', other, 'trainee', p.clock.now());
    await p.say(people.admin, '#课表\n03-01 09:00-12:00 开店 张老师', group);
  });

  afterAll(async () => {
    await p?.stop();
  });

  const cases = TABLE.flatMap((row) => WHO.map((who) => ({ ...row, who, allowed: row.allowed.includes(who) })));

  it.each(cases)('$text as $who: allowed=$allowed', async ({ text, where, who, allowed, mention }) => {
    const before = await p.snapshot();
    const replies = await p.say(people[who], text.replace('CODE', code), where === 'group' ? group : null, mention ? [other] : []);
    const refused = replies.some((r) => /只有.*可以使用/.test(r.message.text));
    expect(refused).toBe(!allowed);
    if (!allowed) expect(await p.snapshot()).toEqual(before);
  });
});
