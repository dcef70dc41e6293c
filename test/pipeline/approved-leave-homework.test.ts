/**
 * Approved leave excuses that day's homework (SPEC §3.2, §3.3): the trainee on leave for the
 * whole day is not @-named by the deadline reminder and shows as 请假 on the homework board; leave
 * for one session of a two-session day excuses the session, not the day's homework.
 */
import type { JobDeps } from '../../jobs/job-definition';
import { remindHomeworkJob } from '../../jobs/remind-homework.job';
import type { ChatUser } from '../../src/platform/chat-event';
import { parseJobPayload } from '../../src/queue/job-catalogue';
import { Outbox, type OutboxItem } from '../../src/queue/outbox';
import { startPipeline, type Pipeline } from '../support/pipeline';

const at = (day: string, hhmm: string) => new Date(`${day}T${hhmm}:00+08:00`);
const D0 = '2027-06-13';
const D1 = '2027-06-14';

describe('approved leave excuses the homework of the day it covers', () => {
  let p: Pipeline;
  let outbox: Outbox;
  const admin: ChatUser = { id: 'u-admin', name: '刘干事' };
  const lecturer: ChatUser = { id: 'u-lec', name: '张老师' };
  const [wholeDay, morningOnly, present, absent] = ['学员甲', '学员乙', '学员丙', '学员丁'].map((name, i) => ({ id: `u-t${i + 1}`, name })) as [ChatUser, ChatUser, ChatUser, ChatUser];
  const group = 'room-leavehw@chatroom';
  let homeworkId = '';
  const sayAt = async (when: Date, from: ChatUser, text: string, where: string | null = group, mentions: ChatUser[] = []) => {
    p.clock.set(when);
    return p.say(from, text, where, mentions);
  };

  beforeAll(async () => {
    p = await startPipeline('leavehw', { ADMIN_IDS: admin.id, FLOOD_MAX_MESSAGES: '1000' });
    outbox = new Outbox(p.deps.redis, `${p.deps.config.QUEUE_PREFIX}_outbox`);
    const created = await sayAt(at(D0, '10:00'), admin, `#新建班级 请假作业班 ${D1} ${D1}`, null);
    const code = /班级码：([A-Z0-9]{6})/.exec(created[0]!.message.text)![1]!;
    await sayAt(at(D0, '10:01'), admin, `#绑定 ${code}`);
    const cohortId = (await p.deps.stores.cohorts.findByCode(code))!.id;
    await p.deps.stores.members.setRole(cohortId, 'wechaty', lecturer, 'lecturer', p.clock.now());
    for (const t of [wholeDay, morningOnly, present, absent]) await p.deps.stores.members.setRole(cohortId, 'wechaty', t, 'trainee', p.clock.now());
    await sayAt(at(D0, '10:02'), admin, `#课表\n${D1.slice(5)} 09:00-12:00 直播基础 张老师\n${D1.slice(5)} 14:00-17:00 直播实操 张老师`);
    await sayAt(at(D0, '10:03'), admin, '#提交方案');
    await sayAt(at(D0, '10:04'), admin, `#批准 ${code}`, null);
    await sayAt(at(D0, '11:00'), wholeDay, `#请假 家里有事 ${D1.slice(5)}`);
    await sayAt(at(D0, '11:01'), morningOnly, `#请假 看病 ${D1.slice(5)} 上午`);
    await sayAt(at(D0, '11:05'), admin, '#批准请假 1');
    await sayAt(at(D0, '11:06'), admin, '#批准请假 2');
    await sayAt(at(D1, '09:10'), lecturer, '#布置作业 写一段直播开场白 截止 21:00');
    homeworkId = (await p.deps.stores.homework.listByCohort(cohortId))[0]!.id;
  });

  afterAll(async () => {
    await outbox.queue.obliterate({ force: true }).catch(() => undefined);
    await outbox.close();
    await p?.stop();
  });

  it('shows the trainee on leave all day as 请假 on the homework board, not as 未交; leave for the morning only does not excuse', async () => {
    const sent = await sayAt(at(D1, '10:00'), present, '#交作业 家人们好');
    let board = sent.find((s) => s.target.id === group && s.message.text.startsWith('📚 作业《'));
    for (let i = 0; i < 200 && !board; i++) {
      await new Promise((r) => setTimeout(r, 10));
      board = p.sent.find((s) => s.target.id === group && s.message.text.startsWith('📚 作业《'));
    }
    expect(board?.message.text.split('\n').slice(1)).toEqual(['已交 1/3 · 请假 1 · 未交 2', `📝 请假：${wholeDay.name}`, `⬜ 未交：${morningOnly.name}、${absent.name}`]);
  });

  it('leaves the trainee on leave all day out of the deadline reminder’s @-names and count', async () => {
    await outbox.queue.obliterate({ force: true });
    p.clock.set(at(D1, '20:00'));
    const deps = { stores: p.deps.stores, outbox, log: p.deps.log, clock: p.clock } as unknown as JobDeps;
    await remindHomeworkJob.process(parseJobPayload('remind-homework', { homeworkId }), deps, 'remind-homework-test');
    const added = (await outbox.queue.getJobs(['waiting', 'delayed', 'prioritized'])).map((j) => j.data as OutboxItem);
    expect(added).toHaveLength(1);
    expect(added[0]!.mentions?.map((m) => m.id)).toEqual([morningOnly.id, absent.id]);
    expect(added[0]!.text).toContain('还有 2 位同学没交');
  });
});
