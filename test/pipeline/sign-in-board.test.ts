/**
 * The sign-in board of a 50-trainee class leads with the counts and names only the exceptions
 * (late with minutes, on leave, not yet in); the full list is 签到名单's, sent privately to the
 * staff member or lecturer who asks; an unchanged board is not sent again.
 */
import type { ChatUser } from '../../src/platform/chat-event';
import { startPipeline, type MemorySent, type Pipeline } from '../support/pipeline';
import { isBoard, parseBoard } from '../support/sign-in-board-text';

const at = (day: string, hhmm: string) => new Date(`${day}T${hhmm}:00+08:00`);
const D0 = '2027-05-09';
const D1 = '2027-05-10';

describe('the sign-in board of a 50-trainee class (SPEC §3.1)', () => {
  let p: Pipeline;
  const admin: ChatUser = { id: 'u-admin', name: '刘干事' };
  const lecturer: ChatUser = { id: 'u-lec', name: '张老师' };
  const trainees: ChatUser[] = Array.from({ length: 50 }, (_, i) => ({ id: `u-t${i + 1}`, name: `学员${String(i + 1).padStart(2, '0')}` }));
  const onTime = trainees.slice(0, 40);
  const late = trainees.slice(40, 45);
  const onLeave = trainees.slice(45, 47);
  const missing = trainees.slice(47);
  const group = 'room-board50@chatroom';
  const sayAt = async (when: Date, from: ChatUser, text: string, where: string | null = group) => {
    p.clock.set(when);
    return p.say(from, text, where);
  };
  const boards = () => p.sent.filter((s) => s.target.id === group && isBoard(s.message.text));
  /** Waits for the board, which follows the sign-ins on its own timer. */
  const boardWith = async (counts: string): Promise<MemorySent> => {
    for (let i = 0; i < 500 && !boards().some((b) => b.message.text.includes(counts)); i++) await new Promise((r) => setTimeout(r, 10));
    const board = boards().find((b) => b.message.text.includes(counts));
    if (!board) throw new Error(`no board with ${counts}; last: ${boards().at(-1)?.message.text}`);
    return board;
  };

  beforeAll(async () => {
    p = await startPipeline('board50', { ADMIN_IDS: admin.id, FLOOD_MAX_MESSAGES: '1000' });
    const created = await sayAt(at(D0, '10:00'), admin, `#新建班级 五十人班 ${D1} ${D1}`, null);
    const code = /班级码：([A-Z0-9]{6})/.exec(created[0]!.message.text)![1]!;
    await sayAt(at(D0, '10:01'), admin, `#绑定 ${code}`);
    const cohortId = (await p.deps.stores.cohorts.findByCode(code))!.id;
    await p.deps.stores.members.setRole(cohortId, 'wechaty', lecturer, 'lecturer', p.clock.now());
    for (const t of trainees) await p.deps.stores.members.setRole(cohortId, 'wechaty', t, 'trainee', p.clock.now());
    await sayAt(at(D0, '10:02'), admin, `#课表\n${D1.slice(5)} 09:00-12:00 直播基础 张老师`);
    await sayAt(at(D0, '10:03'), admin, '#提交方案');
    await sayAt(at(D0, '10:04'), admin, `#批准 ${code}`, null);
    for (const [i, t] of onLeave.entries()) {
      await sayAt(at(D0, '11:00'), t, `#请假 家里有事 ${D1.slice(5)}`);
      await sayAt(at(D0, '11:05'), admin, `#批准请假 ${i + 1}`);
    }
    // Sign-in lists in groups are often written with a name (签到 张桂兰, 签到+李建国): those count too.
    for (const [i, t] of onTime.entries()) await sayAt(at(D1, '08:40'), t, ['签到', '签到 张桂兰', '签到+李建国'][i % 3]!);
    for (const [i, t] of late.entries()) await sayAt(at(D1, `09:1${i}`), t, '签到');
  });
  afterAll(() => p.stop());

  it('leads with the counts and names the 5 late, the 2 on leave and the 3 missing, in at most 8 lines, without the 40 on time', async () => {
    const text = (await boardWith('已签到 45/50')).message.text;
    const board = parseBoard(text);
    expect(board.lines.length).toBeLessThanOrEqual(8);
    expect(board.counts).toEqual({ present: 45, total: 50, late: 5, leave: 2, absent: 0, missing: 3 });
    expect(board.named.late).toEqual(late.map((t) => t.name));
    expect(late.map((t) => board.minutesLate[t.name])).toEqual([10, 11, 12, 13, 14]);
    expect(board.named.leave).toEqual(onLeave.map((t) => t.name));
    expect(board.named.missing).toEqual(missing.map((t) => t.name));
    for (const t of onTime) expect(text).not.toContain(t.name);
    expect(text).toContain('#签到名单');
  });

  it('does not send the board again for a repeated 签到 that changes nothing', async () => {
    const before = boards().length;
    await sayAt(at(D1, '09:20'), onTime[0]!, '签到');
    await sayAt(at(D1, '09:21'), missing[0]!, '签到');
    await boardWith('已签到 46/50');
    const after = boards().slice(before).map((b) => b.message.text);
    expect(after).toHaveLength(1);
    expect(parseBoard(after[0]!).counts).toMatchObject({ present: 46, late: 6, missing: 2 });
    expect(parseBoard(after[0]!).minutesLate[missing[0]!.name]).toBe(21);
  });

  it('sends the lecturer the full list privately on #签到名单 in the group; the group reads one line without names', async () => {
    const replies = (await sayAt(at(D1, '09:30'), lecturer, '#签到名单')).filter((r) => !isBoard(r.message.text));
    const privately = replies.filter((r) => r.target.kind === 'private');
    const inGroup = replies.filter((r) => r.target.kind === 'group');
    expect(privately).toHaveLength(1);
    expect(privately[0]!.target.id).toBe(lecturer.id);
    expect(inGroup).toHaveLength(1);
    expect(inGroup[0]!.message.text.split('\n')).toHaveLength(1);
    for (const t of trainees) expect(inGroup[0]!.message.text).not.toContain(t.name);
    const list = privately[0]!.message.text.split('\n');
    expect(list[0]).toBe('📋 签到名单 05-10 09:00-12:00 直播基础');
    expect(list[1]).toBe('已签到 46/50 · 迟到 6 · 请假 2 · 未签到 2');
    const names = (label: string) => list.find((l) => l.startsWith(label))?.replace(/^[^：]*：/u, '').split('、');
    expect(names('✅ 准时 40：')).toEqual(onTime.map((t) => t.name));
    expect(names('⏰ 迟到 6：')).toEqual([...late, missing[0]!].map((t, i) => `${t.name}(${i < 5 ? 10 + i : 21}分钟)`));
    expect(names('📝 请假 2：')).toEqual(onLeave.map((t) => t.name));
    expect(names('⬜ 未签到 2：')).toEqual(missing.slice(1).map((t) => t.name));
  });

  it('answers #签到名单 in a private chat with the list itself', async () => {
    const replies = await sayAt(at(D1, '09:31'), admin, '#签到名单', null);
    expect(replies).toHaveLength(1);
    expect(replies[0]!.target).toEqual({ kind: 'private', id: admin.id });
    expect(replies[0]!.message.text).toContain(`✅ 准时 40：${onTime[0]!.name}`);
  });

  it('refuses #签到名单 to a trainee, and 帮助 lists it for the lecturer only', async () => {
    const refused = await sayAt(at(D1, '09:32'), onTime[1]!, '#签到名单');
    expect(refused.map((r) => r.message.text)).toEqual([expect.stringMatching(/只有.*可以使用/)]);
    const helpFor = async (who: ChatUser) => (await sayAt(at(D1, '09:33'), who, '#帮助', null))[0]!.message.text;
    expect(await helpFor(lecturer)).toContain('签到名单');
    expect(await helpFor(onTime[1]!)).not.toContain('签到名单');
  });

  it('tells the lecturer when no session of today has opened its sign-in yet', async () => {
    const replies = await sayAt(at('2027-05-11', '08:00'), lecturer, '#签到名单', null);
    expect(replies.map((r) => r.message.text)).toEqual(['今天还没有开始签到的课程，暂无签到名单。']);
  });
});
