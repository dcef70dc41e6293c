/** 请假 understood as trainees write it: the day and part anywhere in the text, asked when unclear, shown in the reply. */
import type { ChatUser } from '../../src/platform/chat-event';
import { startPipeline, type Pipeline } from '../support/pipeline';

const at = (day: string, hhmm: string) => new Date(`${day}T${hhmm}:00+08:00`);
// 2027-03-03 is a Wednesday; the cohort runs Wednesday to Friday, 09:00-12:00 and 14:00-17:00.
const DAYS = ['2027-03-03', '2027-03-04', '2027-03-05'];

describe('请假 with the day and part of the day anywhere in the text', () => {
  let p: Pipeline;
  let cohortId = '';
  const admin: ChatUser = { id: 'u-admin', name: '刘干事' };
  const trainees: ChatUser[] = Array.from({ length: 8 }, (_, i) => ({ id: `u-t${i}`, name: `学员${i + 1}` }));
  const group = 'room-leave-dates@chatroom';
  const ask = async (who: number, text: string, when: Date) => {
    p.clock.set(when);
    return (await p.say(trainees[who]!, text, group)).map((s) => s.message.text).join('\n');
  };
  const filed = async () => p.deps.stores.leave.listByCohort(cohortId);

  beforeAll(async () => {
    p = await startPipeline('leavedates', { ADMIN_IDS: admin.id, FLOOD_MAX_MESSAGES: '1000' });
    p.clock.set(at('2027-03-01', '10:00'));
    const created = await p.say(admin, `#新建班级 请假日期班 ${DAYS[0]} ${DAYS[2]}`, null);
    const code = /班级码：([A-Z0-9]{6})/.exec(created[0]!.message.text)![1]!;
    await p.say(admin, `#绑定 ${code}`, group);
    cohortId = (await p.deps.stores.cohorts.findByCode(code))!.id;
    for (const t of trainees) await p.deps.stores.members.setRole(cohortId, 'wechaty', t, 'trainee', p.clock.now());
    const lines = DAYS.flatMap((d) => [`${d.slice(5)} 09:00-12:00 上午课 张老师`, `${d.slice(5)} 14:00-17:00 下午课 张老师`]);
    await p.say(admin, `#课表\n${lines.join('\n')}`, group);
  });
  afterAll(() => p.stop());

  it('「#请假 家里有事 明天」 is tomorrow, whole day, and the reason has no 明天', async () => {
    const reply = await ask(0, '#请假 家里有事 明天', at(DAYS[0]!, '08:00'));
    expect(reply).toContain('03-04（周四，明天） 全天，原因：家里有事');
    expect((await filed()).at(-1)).toMatchObject({ day: DAYS[1], reason: '家里有事', sessionId: undefined });
  });

  it('「#请假 明天 家里有事」 reads the same', async () => {
    await ask(1, '#请假 明天 家里有事', at(DAYS[0]!, '08:00'));
    expect((await filed()).at(-1)).toMatchObject({ day: DAYS[1], reason: '家里有事', sessionId: undefined });
  });

  it('「#请假 下午有事」 is this afternoon\'s session only', async () => {
    const reply = await ask(2, '#请假 下午有事', at(DAYS[0]!, '10:00'));
    const sessions = await p.deps.stores.sessions.listByCohort(cohortId);
    expect((await filed()).at(-1)).toMatchObject({ day: DAYS[0], sessionId: sessions[1]!.id, reason: '下午有事' });
    expect(reply).toContain('下午课');
    expect(reply).toContain('（周三，今天）');
  });

  it('「#请假 周五上午 去县医院」 is Friday morning\'s session', async () => {
    await ask(3, '#请假 周五上午 去县医院', at(DAYS[0]!, '10:00'));
    const sessions = await p.deps.stores.sessions.listByCohort(cohortId);
    expect((await filed()).at(-1)).toMatchObject({ day: DAYS[2], sessionId: sessions[4]!.id, reason: '去县医院' });
  });

  it('asks instead of guessing: no day out of class hours, two days, a part with no class', async () => {
    const before = (await filed()).length;
    expect(await ask(4, '#请假 孩子发烧', at(DAYS[0]!, '20:00'))).toContain('请写明哪天请假');
    expect(await ask(5, '#请假 今天和明天都有事', at(DAYS[0]!, '08:00'))).toContain('你写了 2 个日期（03-03、03-04）');
    expect(await ask(6, '#请假 晚上有事 明天', at(DAYS[0]!, '08:00'))).toContain('03-04 晚上没有课');
    expect((await filed()).length).toBe(before);
  });

  it('still takes a bare reason during a training day as today, said so in the reply', async () => {
    const reply = await ask(7, '#请假 肚子疼', at(DAYS[1]!, '13:00'));
    expect(reply).toContain('03-04（周四，今天） 全天');
  });
});
