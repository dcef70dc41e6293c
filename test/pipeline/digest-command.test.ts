import type { ChatUser } from '../../src/platform/chat-event';
import { startPipeline, type MemorySent, type Pipeline } from '../support/pipeline';

const at = (day: string, hhmm: string) => new Date(`${day}T${hhmm}:00+08:00`);
const D1 = '2027-03-01';

describe('日报 command (SPEC §3.9)', () => {
  let p: Pipeline;
  const admin: ChatUser = { id: 'u-admin', name: '办公室主任' };
  const staff: ChatUser = { id: 'u-staff', name: '刘干事' };
  const lecturer: ChatUser = { id: 'u-lecturer', name: '张老师' };
  // 戊's nickname carries a phone number: the digest names them without it (SPEC §4).
  const [jia, yi, bing, ding, wu] = ['学员甲', '学员乙', '学员丙', '学员丁', '学员戊13912345678'].map((name, i) => ({ id: `u-t${i}`, name })) as [
    ChatUser, ChatUser, ChatUser, ChatUser, ChatUser,
  ];
  const group = 'room-digest@chatroom';
  let cohortId = '';

  const sayAt = async (when: Date, from: ChatUser, text: string, mentions: ChatUser[] = [], where: string | null = group) => {
    p.clock.set(when);
    return p.say(from, text, where, mentions);
  };

  beforeAll(async () => {
    p = await startPipeline('digestcmd', { ADMIN_IDS: admin.id, FLOOD_MAX_MESSAGES: '1000' });
    const day0 = '2027-02-28';
    const created = await sayAt(at(day0, '10:00'), admin, '#新建班级 日报测试班 2027-03-01 2027-03-02');
    const code = /班级码：([A-Z0-9]{6})/.exec(created[0]!.message.text)![1]!;
    await sayAt(at(day0, '10:01'), admin, `#绑定 ${code}`);
    const cohort = (await p.deps.stores.cohorts.findByCode(code))!;
    cohortId = cohort.id;
    await p.deps.stores.members.setRole(cohort.id, 'wechaty', staff, 'staff', p.clock.now());
    await p.deps.stores.members.setRole(cohort.id, 'wechaty', lecturer, 'lecturer', p.clock.now());
    for (const t of [jia, yi, bing, ding, wu]) await p.deps.stores.members.setRole(cohort.id, 'wechaty', t, 'trainee', p.clock.now());
    await sayAt(at(day0, '10:02'), admin, '#课表\n03-01 09:00-12:00 开店 张老师\n03-01 13:30-16:30 直播 张老师\n03-02 09:00-12:00 复盘 张老师');
    await sayAt(at(day0, '10:03'), admin, '#提交方案');
    await sayAt(at(day0, '10:04'), admin, `#批准 ${code}`, [], null);
    // 丁 asks for day one off and gets it; 戊's request for day two waits.
    await sayAt(at(day0, '11:00'), ding, '#请假 家里收玉米 03-01');
    await sayAt(at(day0, '11:01'), wu, '#请假 赶集 03-02');
    await sayAt(at(day0, '11:05'), staff, '#批准请假 1');

    // Morning: 甲 and 戊 on time, 乙 12 minutes late, 丙 never comes.
    await sayAt(at(D1, '08:50'), jia, '#签到');
    await sayAt(at(D1, '08:51'), wu, '#签到');
    await sayAt(at(D1, '09:12'), yi, '#签到');
    await sayAt(at(D1, '11:30'), lecturer, '#布置作业 给自家核桃拍三张主图 截止 21:00');
    // Afternoon: 甲 and 乙 on time; 戊 leaves, 丙 still missing.
    await sayAt(at(D1, '13:20'), jia, '#签到');
    await sayAt(at(D1, '13:21'), yi, '#签到');
    await sayAt(at(D1, '15:00'), jia, '#交作业 三张图已发');
    await sayAt(at(D1, '15:05'), yi, '#交作业 拍好了');
    await sayAt(at(D1, '15:30'), lecturer, '#点评 @学员甲 9 构图不错', [jia]);
    await sayAt(at(D1, '16:00'), staff, '#警告 @学员丙 发广告', [bing]);
  });

  afterAll(async () => {
    await p?.stop();
  });

  it('gives staff the day’s figures privately when asked in the group (rate, names, homework, leave, moderation, lecturer compliance); the group gets one line', async () => {
    const replies = await sayAt(at(D1, '17:00'), staff, '#日报');
    expect(replies).toHaveLength(2);
    const [reply, note] = replies as [MemorySent, MemorySent];
    expect(reply.target).toEqual({ kind: 'private', id: staff.id });
    expect(note.target).toEqual({ kind: 'group', id: group });
    expect(note.message.text).toBe('日报含学员个人情况，已私聊发给你，不在群里公开。');
    const text = reply.message.text;
    const lines = text.split('\n');
    expect(lines.length).toBeLessThanOrEqual(12);
    expect(lines.slice(0, 2)).toEqual(['⚠️ 需处理：待批请假 1 条、缺勤 2 人、需关注学员 1 人', '📊「日报测试班」日报 03-01（第1天/共2天） 截至 17:00']);
    // 5 trainees × 2 sessions, 丁 on leave for both: 甲 2 + 乙 2 + 戊 1 present of 8.
    expect(lines[2]).toBe('出勤率 62.5%（到课/应到 5/8 人次，2 节课），迟到 1 人，请假 1 人（不计入应到）');
    expect(text).toContain('⚠️ 缺勤 2 人：学员丙、学员戊139****…');
    expect(text).toContain('作业：已交 2/4，已点评 1，21:00 截止，请假 1 人（不计入应交）');
    expect(text).toContain('⚠️ 待批请假 1 条：#2 学员戊139****…（#批准请假 <编号>）');
    // The homework is not due before 21:00, so only 丙's two absences put them at risk yet.
    expect(text).toContain('⚠️ 需关注 1 人：学员丙（累计缺勤2节）\n');
    expect(text).toContain('✅ 讲师 张老师：授课时长、每日作业、课表都达标');
    expect(text).toContain('群管理 1 次（警告 1）');
    expect(lines[lines.length - 1]).toContain('#导出');
    expect(text).not.toContain('13912345678');
  });

  it('counts the homework missing once its deadline has passed', async () => {
    const text = (await sayAt(at(D1, '22:00'), staff, '#日报'))[0]!.message.text;
    // 丁 was on approved leave all of day one: excused from its homework, neither 未交 nor 缺交作业.
    expect(text).toContain('作业：已交 2/4，已点评 1，未交 2，请假 1 人（不计入应交）');
    expect(text).toContain('⚠️ 需关注 2 人：学员丙（累计缺勤2节、缺交作业1次）、学员戊139****…（累计缺勤1节、缺交作业1次）');
    expect(text).not.toContain('学员丁');
  });

  it('answers staff in private chat too', async () => {
    const replies = await sayAt(at(D1, '22:05'), staff, '#日报', [], null);
    expect(replies[0]!.target).toEqual({ kind: 'private', id: staff.id });
    expect(replies[0]!.message.text).toContain('出勤率 62.5%');
  });

  it('refuses a trainee and a lecturer', async () => {
    for (const who of [jia, lecturer]) {
      const replies = await sayAt(at(D1, '22:10'), who, '#日报');
      expect(replies.map((r) => r.message.text).join('\n')).toMatch(/「日报」只有工作人员可以使用/);
      expect(replies.map((r) => r.message.text).join('\n')).not.toContain('出勤率');
    }
  });

  it('shows the survey and follow-up progress, as the scheduled digest does, once a survey is open', async () => {
    const survey = await p.deps.stores.surveys.open(cohortId, '张老师', at(D1, '16:40'), at('2027-03-02', '16:40'), [jia, yi, bing, ding, wu].map((t) => t.id));
    await p.deps.stores.surveys.answer({
      surveyId: survey.id,
      cohortId,
      lecturerName: '张老师',
      platform: 'wechaty',
      userId: jia.id,
      satisfaction: 5,
      content: 4,
      pace: 3,
      improve: '',
      answeredAt: at(D1, '20:00'),
    });
    const text = (await sayAt(at(D1, '22:20'), staff, '#日报'))[0]!.message.text;
    expect(text).toContain('问卷已答 1/5（20%）');
  });
});
