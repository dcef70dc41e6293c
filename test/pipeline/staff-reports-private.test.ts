/** Staff reports asked for in the class group go to the sender privately; trainees see one line; no hours judged or 考核未通过 before their time. */
import type { ChatUser } from '../../src/platform/chat-event';
import { startPipeline, type Pipeline } from '../support/pipeline';

const at = (day: string, hhmm: string) => new Date(`${day}T${hhmm}:00+08:00`);
const D1 = '2027-04-06';
const D2 = '2027-04-07';

describe('staff reports stay private', () => {
  let p: Pipeline;
  const admin: ChatUser = { id: 'u-admin', name: '刘干事' };
  const lecturer: ChatUser = { id: 'u-lec', name: '张老师' };
  const trainees: ChatUser[] = ['学员甲', '学员乙', '学员丙'].map((name, i) => ({ id: `u-t${i}`, name }));
  const group = 'room-private-reports@chatroom';
  const sayAt = async (when: Date, from: ChatUser, text: string, where: string | null = group, mentions: ChatUser[] = []) => {
    p.clock.set(when);
    return p.say(from, text, where, mentions);
  };

  beforeAll(async () => {
    p = await startPipeline('privreports', { ADMIN_IDS: admin.id, FLOOD_MAX_MESSAGES: '1000' });
    const created = await sayAt(at(D1, '07:00'), admin, `#新建班级 私密报表班 ${D1} ${D2}`, null);
    const code = /班级码：([A-Z0-9]{6})/.exec(created[0]!.message.text)![1]!;
    await sayAt(at(D1, '07:01'), admin, `#绑定 ${code}`);
    const cohortId = (await p.deps.stores.cohorts.findByCode(code))!.id;
    await sayAt(at(D1, '07:02'), admin, '#授权 @张老师 讲师', group, [lecturer]);
    for (const t of trainees) await p.deps.stores.members.setRole(cohortId, 'wechaty', t, 'trainee', p.clock.now());
    await sayAt(at(D1, '07:03'), admin, `#课表\n${D1.slice(5)} 09:00-12:00 开店流程 张老师\n${D2.slice(5)} 09:00-12:00 直播带货 张老师`);
    await sayAt(at(D1, '07:04'), admin, '#提交方案');
    await sayAt(at(D1, '07:05'), admin, `#批准 ${code}`, null);
    await sayAt(at(D1, '08:55'), trainees[0]!, '#签到');
    await sayAt(at(D1, '10:00'), lecturer, '#布置作业 拍三张主图 截止 21:00');
    await sayAt(at(D1, '11:00'), trainees[0]!, '#交作业 已拍');
  });
  afterAll(() => p.stop());

  it('#下课 at noon records the time and judges no hours in front of the group', async () => {
    const replies = await sayAt(at(D1, '12:00'), lecturer, '#下课');
    expect(replies.map((r) => r.message.text)).toEqual(['已记录下课 12:00。']);
  });

  it.each(['#日报', '#排名', '#简报'])('%s in the group: the report goes privately, the group reads one line without names', async (command) => {
    const replies = await sayAt(at(D1, '22:00'), command === '#日报' ? admin : lecturer, command);
    const inGroup = replies.filter((r) => r.target.kind === 'group');
    const privately = replies.filter((r) => r.target.kind === 'private');
    expect(privately).toHaveLength(1);
    expect(inGroup).toHaveLength(1);
    expect(inGroup[0]!.message.text).toMatch(/已私聊发给你，不在群里公开。$/);
    for (const t of trainees) expect(inGroup[0]!.message.text).not.toContain(t.name);
    expect(privately[0]!.message.text.length).toBeGreaterThan(inGroup[0]!.message.text.length);
  });

  it('during the cohort 排名 shows what is short as progress, not 考核未通过', async () => {
    const replies = await sayAt(at(D1, '22:05'), lecturer, '#排名', null);
    const text = replies[0]!.message.text;
    expect(text).toContain('尚未达标');
    expect(text).not.toContain('考核未通过');
  });
});
