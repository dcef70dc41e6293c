/** The plan's state as the people who wait on it hear it: the submitter and the group learn of a rejection; sign-in says why it waits. */
import type { ChatUser } from '../../src/platform/chat-event';
import { startPipeline, type Pipeline } from '../support/pipeline';

const at = (day: string, hhmm: string) => new Date(`${day}T${hhmm}:00+08:00`);
const D1 = '2027-05-03';

describe('plan approval notices', () => {
  let p: Pipeline;
  let code = '';
  const office: ChatUser = { id: 'u-office', name: '王主任' };
  const staff: ChatUser = { id: 'u-staff', name: '刘干事' };
  const trainee: ChatUser = { id: 'u-t1', name: '学员甲' };
  const group = 'room-plan@chatroom';
  const sayAt = async (when: string, from: ChatUser, text: string, where: string | null = group) => {
    p.clock.set(at(D1, when));
    return p.say(from, text, where);
  };

  beforeAll(async () => {
    p = await startPipeline('plannotice', { ADMIN_IDS: office.id, FLOOD_MAX_MESSAGES: '1000' });
    const created = await sayAt('07:00', office, `#新建班级 方案通知班 ${D1} ${D1}`, null);
    code = /班级码：([A-Z0-9]{6})/.exec(created[0]!.message.text)![1]!;
    await sayAt('07:01', office, `#绑定 ${code}`);
    const cohortId = (await p.deps.stores.cohorts.findByCode(code))!.id;
    await p.deps.stores.members.setRole(cohortId, 'wechaty', staff, 'staff', p.clock.now());
    await p.deps.stores.members.setRole(cohortId, 'wechaty', trainee, 'trainee', p.clock.now());
    await sayAt('07:02', staff, `#课表\n${D1.slice(5)} 09:00-12:00 开店流程 张老师`);
  });
  afterAll(() => p.stop());

  it('a 签到 while the plan waits for the office says it waits, not "submit it first"', async () => {
    await sayAt('07:03', staff, '#提交方案');
    const reply = (await sayAt('08:55', trainee, '#签到')).map((s) => s.message.text).join('\n');
    expect(reply).toContain('已提交，正在等领导组办公室批准');
    expect(reply).not.toContain('请工作人员先 #提交方案');
  });

  it('a rejection reaches the staff member who submitted it privately and the class group', async () => {
    const sent = await sayAt('08:56', office, `#驳回 ${code} 课表缺少实操环节`, null);
    const toStaff = sent.filter((s) => s.target.kind === 'private' && s.target.id === staff.id);
    expect(toStaff.map((s) => s.message.text)).toEqual([expect.stringContaining(`被领导组办公室退回，原因：课表缺少实操环节。请修改课表后重新 #提交方案 ${code}`)]);
    const toGroup = sent.filter((s) => s.target.kind === 'group' && s.target.id === group);
    expect(toGroup.map((s) => s.message.text)).toEqual([expect.stringContaining('本班培训方案被领导组办公室退回（课表缺少实操环节）')]);
    const reply = (await sayAt('08:57', trainee, '#签到')).map((s) => s.message.text).join('\n');
    expect(reply).toContain('被领导组办公室退回，正在修改');
  });
});
