/**
 * Leave approved while a session's sign-in is open shows on its board at once (SPEC §3.1, §3.2):
 * the trainee reads as 请假, not 未签到, without waiting for the next sign-in or the closing.
 */
import type { ChatUser } from '../../src/platform/chat-event';
import { startPipeline, type Pipeline } from '../support/pipeline';
import { isBoard } from '../support/sign-in-board-text';
import { createStores } from '../../src/stores/create-stores';
import { startHotState } from '../../src/stores/hot/redis-change-feed';

const at = (day: string, hhmm: string) => new Date(`${day}T${hhmm}:00+08:00`);
const D0 = '2027-06-20';
const D1 = '2027-06-21';

describe('the sign-in board after 批准请假', () => {
  let p: Pipeline;
  const admin: ChatUser = { id: 'u-admin', name: '刘干事' };
  const [asker, signedIn, missing] = ['学员甲', '学员乙', '学员丙'].map((name, i) => ({ id: `u-t${i + 1}`, name })) as [ChatUser, ChatUser, ChatUser];
  const group = 'room-leaveboard@chatroom';
  const sayAt = async (when: Date, from: ChatUser, text: string, where: string | null = group) => {
    p.clock.set(when);
    return p.say(from, text, where);
  };
  const boards = () => p.sent.filter((s) => s.target.id === group && isBoard(s.message.text)).map((s) => s.message.text);
  const boardWith = async (line: string): Promise<string | undefined> => {
    for (let i = 0; i < 200 && !boards().some((b) => b.includes(line)); i++) await new Promise((r) => setTimeout(r, 10));
    return boards().find((b) => b.includes(line));
  };

  beforeAll(async () => {
    p = await startPipeline('leaveboard', { ADMIN_IDS: admin.id, FLOOD_MAX_MESSAGES: '1000' });
    const created = await sayAt(at(D0, '10:00'), admin, `#新建班级 请假看板班 ${D1} ${D1}`, null);
    const code = /班级码：([A-Z0-9]{6})/.exec(created[0]!.message.text)![1]!;
    await sayAt(at(D0, '10:01'), admin, `#绑定 ${code}`);
    const cohortId = (await p.deps.stores.cohorts.findByCode(code))!.id;
    for (const t of [asker, signedIn, missing]) await p.deps.stores.members.setRole(cohortId, 'wechaty', t, 'trainee', p.clock.now());
    await sayAt(at(D0, '10:02'), admin, `#课表\n${D1.slice(5)} 09:00-12:00 直播基础 张老师`);
    await sayAt(at(D0, '10:03'), admin, '#提交方案');
    await sayAt(at(D0, '10:04'), admin, `#批准 ${code}`, null);
  });
  afterAll(() => p.stop());

  it('shows the trainee whose leave was just approved as 请假 on the open board, with no further sign-in', async () => {
    await sayAt(at(D1, '08:40'), signedIn, '签到');
    expect(await boardWith('已签到 1/3 · 未签到 2')).toBeDefined();
    await sayAt(at(D1, '08:45'), asker, '#请假 孩子发烧 今天');
    await sayAt(at(D1, '08:46'), admin, '#批准请假 1');
    const board = await boardWith('已签到 1/3 · 请假 1 · 未签到 1');
    expect(board?.split('\n')).toEqual(expect.arrayContaining([`📝 请假：${asker.name}`, `⬜ 未签到：${missing.name}`]));
  });

  it('shows a leave approved by another process (the staff console) on the open board too', async () => {
    // Another process on the same database and Redis (the console keeps no hot state, it announces).
    const consoleHot = await startHotState(p.deps.redis, p.deps.config.QUEUE_PREFIX, undefined, { cache: false });
    try {
      const consoleStores = await createStores(p.conn, { hot: consoleHot });
      const cohortId = (await p.deps.stores.bindings.findByGroup('wechaty', group))!.cohortId;
      await sayAt(at(D1, '08:50'), missing, '#请假 家里有事 今天');
      const pending = (await p.deps.stores.leave.listByCohort(cohortId, 'pending')).find((l) => l.userId === missing.id)!;
      expect(await consoleStores.leave.decide(cohortId, pending.no, 'approved', admin.id, p.clock.now(), '')).not.toBeNull();
      const board = await boardWith('已签到 1/3 · 请假 2');
      expect(board?.split('\n')).toEqual(expect.arrayContaining([`📝 请假：${asker.name}、${missing.name}`]));
    } finally {
      await consoleHot.close();
    }
  });
});
