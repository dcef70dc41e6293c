/**
 * The first administrator without knowing a platform id: `cohort-bot admin invite` prints a
 * one-time code (stored hashed, expiring); `#认领管理员 <code>` in a private chat makes the sender
 * an administrator, recorded with the code's id. Single use, expiry on the bot's clock, and a
 * limit on attempts per sender.
 */
import { Writable } from 'node:stream';
import type { ChatUser } from '../../src/platform/chat-event';
import { runAdminCommand } from '../../bots/admin-command';
import { createAdminInvite } from '../../src/features/admin';
import { startPipeline, type Pipeline } from '../support/pipeline';
import { staffOf } from '../../src/features/moderation/moderation-service';

const GROUP = 'room-admin@chatroom';
const CREATE = '#新建班级 认领测试班 2027-04-01 2027-04-03';

/** Runs `cohort-bot admin invite` against the pipeline's database and returns the code it printed. */
async function inviteFromCli(p: Pipeline, at: Date, minutes?: number): Promise<{ code: string; output: string }> {
  let output = '';
  const out = new Writable({
    write(chunk: Buffer, _enc, done) {
      output += chunk.toString();
      done();
    },
  });
  const args = minutes === undefined ? ['invite'] : ['invite', '--minutes', String(minutes)];
  const code = await runAdminCommand(args, { env: { MONGODB_URI: p.deps.config.MONGODB_URI }, out, err: out, now: () => at });
  expect(code).toBe(0);
  return { code: /claim code: ([A-Z0-9]+)/.exec(output)![1]!, output };
}

describe('claiming the administrator role with a one-time code', () => {
  let p: Pipeline;
  let n = 0;
  const person = (name: string): ChatUser => ({ id: `u-${++n}`, name });
  const replyTo = async (from: ChatUser, text: string, group: string | null = null) => (await p.say(from, text, group)).map((r) => r.message.text).join('\n');
  const isStaffHere = async (who: ChatUser) => !/只有.*可以使用/.test(await replyTo(who, CREATE, GROUP));

  beforeAll(async () => {
    p = await startPipeline('adminclaim', { FLOOD_MAX_MESSAGES: '1000' });
    p.clock.set(new Date('2027-03-01T08:00:00+08:00'));
  });

  afterAll(async () => {
    await p?.stop();
  });

  it('makes the sender an administrator, recorded with the code id, and the code works only once', async () => {
    const first = person('王主任');
    const second = person('李干事');
    // Refused, and told how to get the role without anyone knowing a platform id.
    const refusal = await replyTo(first, CREATE, GROUP);
    expect(refusal).toMatch(/只有.*可以使用/);
    expect(refusal).toContain('cohort-bot admin invite');
    expect(refusal).toContain('#认领管理员');

    const { code, output } = await inviteFromCli(p, p.clock.now());
    expect(output).toContain(`#认领管理员 ${code}`);
    // Only a hash is stored.
    const stored = await p.conn.db!.collection('admin_claim_codes').find({}).toArray();
    expect(JSON.stringify(stored)).not.toContain(code);

    const before = p.clock.now();
    expect(await replyTo(first, `#认领管理员 ${code.toLowerCase()}`)).toContain('认领成功');
    const after = p.clock.now();
    expect(await isStaffHere(first)).toBe(true);
    const [admin] = await p.deps.stores.admins.list();
    expect(admin).toMatchObject({ platform: 'wechaty', userId: first.id, name: '王主任' });
    expect(admin!.grantedAt.getTime()).toBeGreaterThanOrEqual(before.getTime());
    expect(admin!.grantedAt.getTime()).toBeLessThanOrEqual(after.getTime());
    const spent = await p.conn.db!.collection('admin_claim_codes').findOne({});
    expect(String(spent!._id)).toBe(admin!.claimCodeId);
    expect(spent!.usedBy).toMatchObject({ userId: first.id });

    expect(await replyTo(second, `#认领管理员 ${code}`)).toContain('已经用过');
    expect(await isStaffHere(second)).toBe(false);
    expect(await p.deps.stores.admins.list()).toHaveLength(1);
  });

  it('refuses a code after it expired (on the bot clock) and takes one just before', async () => {
    const late = person('迟到的人');
    const onTime = person('准时的人');
    const stale = await createAdminInvite(p.deps.stores.admins, p.clock.now(), 30);
    const fresh = await createAdminInvite(p.deps.stores.admins, p.clock.now(), 30);
    p.clock.advance(29 * 60_000);
    expect(await replyTo(onTime, `#认领管理员 ${fresh.code}`)).toContain('认领成功');
    p.clock.advance(2 * 60_000);
    expect(await replyTo(late, `#认领管理员 ${stale.code}`)).toContain('已过期');
    expect(await isStaffHere(late)).toBe(false);
  });

  it('refuses wrong codes and, after five attempts in an hour, even the right one (which stays unspent)', async () => {
    const guesser = person('乱猜的人');
    const invite = await createAdminInvite(p.deps.stores.admins, p.clock.now(), 30);
    for (let i = 0; i < 5; i++) expect(await replyTo(guesser, `#认领管理员 WRONG${i}XYZ`)).toContain('认领码不对');
    expect(await replyTo(guesser, `#认领管理员 ${invite.code}`)).toContain('尝试太多');
    expect(await isStaffHere(guesser)).toBe(false);
    // Another sender has their own attempts, and the code was not spent by the refused try.
    const other = person('真正的管理员');
    expect(await replyTo(other, `#认领管理员 ${invite.code}`)).toContain('认领成功');
  });

  it('is private only, changes nothing in a group, and tells an administrator they already are one', async () => {
    const someone = person('群里的人');
    const invite = await createAdminInvite(p.deps.stores.admins, p.clock.now(), 30);
    expect(await replyTo(someone, `#认领管理员 ${invite.code}`, GROUP)).toContain('请私聊我使用');
    expect(await replyTo(someone, `#认领管理员 ${invite.code}`)).toContain('认领成功');
    const again = await createAdminInvite(p.deps.stores.admins, p.clock.now(), 30);
    expect(await replyTo(someone, `#认领管理员 ${again.code}`)).toContain('已经是管理员');
    expect(await replyTo(person('新人'), `#认领管理员 ${again.code}`)).toContain('认领成功');
  });

  it('counts a claimed administrator wherever administrators are told (escalations, digests, scorecards) and never enrols one as a trainee', async () => {
    const boss = person('赵主任');
    const invite = await createAdminInvite(p.deps.stores.admins, p.clock.now(), 30);
    expect(await replyTo(boss, `#认领管理员 ${invite.code}`)).toContain('认领成功');
    const created = await replyTo(boss, '#新建班级 管理员测试班 2027-03-01 2027-03-02', 'admins-room@chatroom');
    const code = /班级码：([A-Z0-9]{6})/.exec(created)![1]!;
    await replyTo(boss, `#绑定 ${code}`, 'admins-room@chatroom');
    const cohort = (await p.deps.stores.cohorts.findByCode(code))!;
    expect(await staffOf(p.deps, cohort)).toContain(boss.id);
    await p.bot.processEvent({
      id: `join_${Date.now()}`,
      platform: 'wechaty',
      type: 'member_joined',
      conversation: { kind: 'group', id: 'admins-room@chatroom' },
      sender: boss,
      members: [boss],
      text: '',
      mentions: [],
      mentionsBot: false,
      timestamp: p.clock.now(),
      fromSelf: false,
    });
    const trainees = await p.deps.stores.members.listWithRole(cohort.id, 'trainee');
    expect(trainees.map((t) => t.userId)).not.toContain(boss.id);
  });
});
