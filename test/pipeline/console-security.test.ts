/**
 * The staff console over real HTTP against the real stores, Redis and BullMQ: sign-in only with
 * a fresh #后台 link, sessions and CSRF, cohort boundaries, and console actions that act as in chat.
 */
import { CardStore, signCardUrl } from '../../src/charts/card-url';
import pino from 'pino';
import type { ChatUser } from '../../src/platform/chat-event';
import { startConsoleServer, type ConsoleServer } from '../../src/console/console-server';
import { createSignInLink, CONSOLE_LINKS_PER_HOUR, linkRequestKey } from '../../src/features/console-access';
import { startCliProcess } from '../support/bot-process';
import { Outbox } from '../../src/queue/outbox';
import type { BullmqScheduler } from '../../src/queue/bullmq-scheduler';
import { startPipeline, type Pipeline } from '../support/pipeline';

const at = (day: string, hhmm: string) => new Date(`${day}T${hhmm}:00+08:00`);
const D1 = '2027-06-07';
const D2 = '2027-06-08';
const PHONE = '13812345678';

describe('staff console', () => {
  let p: Pipeline;
  let server: ConsoleServer;
  let outbox: Outbox;
  const logLines: string[] = [];
  const admin: ChatUser = { id: 'u-admin', name: '王主任' };
  const staffA: ChatUser = { id: 'u-staff-a', name: '刘干事' };
  const staffB: ChatUser = { id: 'u-staff-b', name: '陈干事' };
  const trainee: ChatUser = { id: 'u-trainee', name: `张三${PHONE}` };
  const groupA = 'room-console-a@chatroom';
  const groupB = 'room-console-b@chatroom';
  let cohortA = '';
  let cohortB = '';
  const visited: string[] = [];

  const say = (from: ChatUser, text: string, where: string | null, mentions: ChatUser[] = []) => p.say(from, text, where, mentions);

  const createCohort = async (name: string, group: string, staff: ChatUser): Promise<{ id: string; code: string }> => {
    const created = await say(admin, `#新建班级 ${name} ${D1} ${D2}`, null);
    const code = /班级码：([A-Z0-9]{6})/.exec(created[0]!.message.text)![1]!;
    await say(admin, `#绑定 ${code}`, group);
    const id = (await p.deps.stores.cohorts.findByCode(code))!.id;
    await p.deps.stores.members.setRole(id, 'wechaty', staff, 'staff', p.clock.now());
    return { id, code };
  };

  /** The path of the link #后台 answers with (the console's own origin is the test server's). */
  const linkPath = async (user: ChatUser): Promise<string> => {
    // Each test starts a fresh hour of links (the limit has a test of its own).
    await p.deps.redis.del(linkRequestKey(p.deps.config.QUEUE_PREFIX, 'wechaty', user.id));
    const replies = await say(user, '#后台', null);
    const url = /https?:\/\/\S+/.exec(replies.map((r) => r.message.text).join('\n'))?.[0];
    if (!url) throw new Error(`no link in ${JSON.stringify(replies)}`);
    return new URL(url).pathname;
  };

  const get = async (path: string, cookie = ''): Promise<Response> => {
    visited.push(path);
    return fetch(`${server.url}${path}`, { headers: cookie ? { cookie } : {}, redirect: 'manual' });
  };

  const post = async (path: string, form: Record<string, string>, cookie = ''): Promise<Response> => {
    visited.push(path);
    return fetch(`${server.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...(cookie ? { cookie } : {}) },
      body: new URLSearchParams(form).toString(),
      redirect: 'manual',
    });
  };

  const field = (page: string, name: string): string => new RegExp(`name="${name}" value="([^"]*)"`).exec(page)?.[1] ?? '';

  /** Opens a sign-in link and presses its button; returns the POST's response. */
  const spend = async (path: string): Promise<Response> => {
    const page = await (await get(path)).text();
    return post('/login', { token: field(page, 'token'), _csrf: field(page, '_csrf') });
  };

  const sessionCookie = (res: Response): string => {
    const c = res.headers.getSetCookie().find((s) => s.startsWith('cb_console='));
    if (!c) throw new Error(`no session cookie (status ${res.status})`);
    return c.split(';')[0]!;
  };

  const signIn = async (user: ChatUser): Promise<string> => sessionCookie(await spend(await linkPath(user)));

  const csrfOf = async (cookie: string): Promise<string> => field(await (await get('/', cookie)).text(), '_csrf');

  beforeAll(async () => {
    p = await startPipeline('console', {
      ADMIN_IDS: admin.id,
      FLOOD_MAX_MESSAGES: '1000',
      CONSOLE_SECRET: 'console-test-secret-0123456789abcdefghij',
      CONSOLE_PUBLIC_URL: 'https://console.example.org',
      CONSOLE_LINK_MINUTES: '10',
    });
    p.clock.set(at(D1, '07:00'));
    ({ id: cohortA } = await createCohort('控制台甲班', groupA, staffA));
    ({ id: cohortB } = await createCohort('控制台乙班', groupB, staffB));
    await p.deps.stores.members.setRole(cohortA, 'wechaty', trainee, 'trainee', p.clock.now());
    await say(staffA, `#课表\n${D1.slice(5)} 09:00-12:00 开店流程 张老师\n${D2.slice(5)} 09:00-12:00 直播基础 张老师`, groupA);
    await say(staffA, '#提交方案', groupA);
    await say(trainee, '#请假 孩子发烧去医院 明天', groupA);
    outbox = new Outbox(p.deps.redis, p.deps.config.QUEUE_PREFIX);
    const log = pino({ level: 'info' }, { write: (line: string) => void logLines.push(line) });
    server = await startConsoleServer({
      deps: {
        config: p.deps.config,
        stores: p.deps.stores,
        conn: p.conn,
        scoring: p.deps.scoring,
        redis: p.deps.redis,
        clock: p.clock,
        log,
        outbox,
        scheduler: p.deps.scheduler,
        queues: [(p.deps.scheduler as BullmqScheduler).queue, outbox.queue],
      },
      host: '127.0.0.1',
      port: 0,
    });
  });

  afterAll(async () => {
    await server.close();
    await outbox.queue.obliterate({ force: true }).catch(() => undefined);
    await outbox.close();
    await p.stop();
  });

  it('#后台 in a group asks for a private message and posts no link', async () => {
    const replies = await say(staffA, '#后台', groupA);
    const text = replies.map((r) => r.message.text).join('\n');
    expect(text).toContain('请私聊我使用');
    expect(text).not.toMatch(/https?:\/\//);
  });

  it('without a session cookie every page is the sign-in page', async () => {
    for (const path of ['/', `/cohorts/${cohortA}`, '/jobs', `/cohorts/${cohortA}/export/signin`]) {
      const res = await get(path);
      expect(res.status).toBe(401);
      expect(await res.text()).toContain('#后台');
    }
  });

  it('a forged link or a forged session cookie is refused', async () => {
    const real = await linkPath(staffA);
    const token = real.split('/').pop()!;
    const forged = `${token.slice(0, -4)}AAAA`;
    expect((await get(`/login/${forged}`)).status).toBe(403);
    const page = await (await get(real)).text();
    const res = await post('/login', { token: forged, _csrf: field(page, '_csrf') });
    expect(res.status).toBe(403);
    expect(res.headers.getSetCookie().some((c) => c.startsWith('cb_console='))).toBe(false);
    const cookie = await signIn(staffA);
    const [name, value] = cookie.split('=');
    const tampered = `${name}=${value!.slice(0, 10)}x${value!.slice(11)}`;
    expect((await get('/', tampered)).status).toBe(401);
  });

  it('a link works once: the second use is refused', async () => {
    const path = await linkPath(staffA);
    const first = await spend(path);
    expect(first.status).toBe(303);
    const cookie = sessionCookie(first);
    expect(first.headers.getSetCookie().find((c) => c.startsWith('cb_console='))).toMatch(/HttpOnly/i);
    expect(first.headers.getSetCookie().find((c) => c.startsWith('cb_console='))).toMatch(/SameSite=Strict/i);
    expect(first.headers.getSetCookie().find((c) => c.startsWith('cb_console='))).toMatch(/Secure/i);
    expect((await get('/', cookie)).status).toBe(200);
    const second = await spend(path);
    expect(second.status).toBe(403);
    expect(await second.text()).toContain('已经用过');
  });

  it('an expired link is refused', async () => {
    const path = await linkPath(staffA);
    p.clock.set(new Date(p.clock.now().getTime() + 11 * 60_000));
    const res = await spend(path);
    expect(res.status).toBe(403);
    expect(await res.text()).toContain('已过期');
  });

  it('a trainee signed in sees no cohort to manage, and no staff page', async () => {
    const cookie = await signIn(trainee);
    const home = await get('/', cookie);
    expect(home.status).toBe(200);
    expect(await home.text()).toContain('你没有需要管理的班级');
    expect((await get(`/cohorts/${cohortA}`, cookie)).status).toBe(403);
    expect((await get('/jobs', cookie)).status).toBe(403);
    expect((await get(`/cohorts/${cohortA}/export/scores`, cookie)).status).toBe(403);
  });

  it("one cohort's staff can neither read nor change another cohort", async () => {
    const cookie = await signIn(staffB);
    const home = await (await get('/', cookie)).text();
    expect(home).toContain('控制台乙班');
    expect(home).not.toContain('控制台甲班');
    expect((await get(`/cohorts/${cohortA}`, cookie)).status).toBe(403);
    expect((await get(`/cohorts/${cohortA}/export/archive`, cookie)).status).toBe(403);
    expect((await get(`/cohorts/${cohortB}`, cookie)).status).toBe(200);
    const leave = (await p.deps.stores.leave.listByCohort(cohortA))[0]!;
    const res = await post(`/cohorts/${cohortA}/leave/${leave.id}/approve`, { _csrf: await csrfOf(cookie) }, cookie);
    expect(res.status).toBe(403);
    expect((await p.deps.stores.leave.findByNo(cohortA, leave.no))!.status).toBe('pending');
  });

  it('a POST without the CSRF token is refused with 403 and changes nothing', async () => {
    const cookie = await signIn(staffA);
    const leave = (await p.deps.stores.leave.listByCohort(cohortA))[0]!;
    expect((await post(`/cohorts/${cohortA}/leave/${leave.id}/approve`, {}, cookie)).status).toBe(403);
    expect((await post(`/cohorts/${cohortA}/leave/${leave.id}/approve`, { _csrf: 'wrong' }, cookie)).status).toBe(403);
    expect((await p.deps.stores.leave.findByNo(cohortA, leave.no))!.status).toBe('pending');
  });

  it('the cohort page shows the grid, the trend (暂无数据 before any session is held) and leave, phone numbers masked', async () => {
    const cookie = await signIn(staffA);
    const res = await get(`/cohorts/${cohortA}`, cookie);
    expect(res.status).toBe(200);
    const page = await res.text();
    expect(page).toContain('签到表');
    expect(page).toMatch(/<h2>出勤率趋势<\/h2><p class="muted">暂无数据<\/p>/);
    expect(page).not.toContain('<svg');
    expect(page).toContain('孩子发烧去医院');
    expect(page).toContain('张三');
    expect(page).not.toContain(PHONE);
    // Links and forms carry opaque ids only.
    const targets = [...page.matchAll(/(?:href|action)="([^"]*)"/g)].map((m) => m[1]!);
    expect(targets.length).toBeGreaterThan(5);
    for (const t of targets) expect(t).toMatch(/^\/(cohorts\/[0-9a-f]{24}(\/(leave|moderation)\/[0-9a-f]{24}\/(approve|reject|undo)|\/export\/[a-z]+|\/plan\/(approve|reject))?|jobs|logout)?$/);
    const xlsx = await get(`/cohorts/${cohortA}/export/signin`, cookie);
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers.get('content-type')).toContain('spreadsheetml');
    expect(Buffer.from(await xlsx.arrayBuffer()).subarray(0, 2).toString()).toBe('PK');
  });

  it('the cohort page names statuses as the product does, shows 暂无 for empty sections and no doubled dot without a place', async () => {
    const cookie = await signIn(staffA);
    const page = await (await get(`/cohorts/${cohortA}`, cookie)).text();
    expect(page).toContain('准时');
    expect(page).toContain('缺勤');
    expect(page).not.toContain('已签到');
    expect(page).not.toContain('缺课');
    // No homework, survey or follow-up yet: one line each, no lone header row.
    expect(page).toMatch(/<h2>作业<\/h2><p class="muted">暂无<\/p>/);
    expect(page).toMatch(/<h2>回访<\/h2><p class="muted">暂无<\/p>/);
    expect(page).not.toContain('· ·');
    // Each session column names its session under the time.
    expect(page).toContain('<div class="sub">开店流程</div>');
  });

  it('the export download has one file name: an ASCII fallback and the same name in UTF-8', async () => {
    const cookie = await signIn(staffA);
    const res = await get(`/cohorts/${cohortA}/export/signin`, cookie);
    const header = res.headers.get('content-disposition') ?? '';
    const ascii = /filename="([^"]*)"/.exec(header)?.[1] ?? '';
    const utf8 = decodeURIComponent(/filename\*=UTF-8''(\S+)/.exec(header)?.[1] ?? '');
    expect(utf8).toMatch(/\.xlsx$/);
    expect(ascii).toHaveLength(Array.from(utf8).length);
    expect(ascii).toBe(Array.from(utf8).map((c) => (/^[\x20-\x7e]$/.test(c) && c !== '"' && c !== '\\' ? c : '_')).join(''));
  });

  it(`#后台 gives at most ${CONSOLE_LINKS_PER_HOUR} links an hour per person, then says so in Chinese`, async () => {
    await linkPath(staffB);
    for (let i = 1; i < CONSOLE_LINKS_PER_HOUR; i++) expect((await say(staffB, '#后台', null)).map((r) => r.message.text).join('\n')).toMatch(/https?:\/\//);
    const refused = (await say(staffB, '#后台', null)).map((r) => r.message.text).join('\n');
    expect(refused).toContain(`每人每小时最多获取 ${CONSOLE_LINKS_PER_HOUR} 次`);
    expect(refused).not.toMatch(/https?:\/\//);
    // Another person is not limited by it.
    expect((await say(staffA, '#后台', null)).map((r) => r.message.text).join('\n')).toMatch(/https?:\/\//);
  });

  it('the built console (dist/, as `cohort-bot console` runs it) serves the cohort page', async () => {
    const config = p.deps.config;
    const built = await startCliProcess(
      ['console'],
      {
        MONGODB_URI: config.MONGODB_URI,
        REDIS_URL: config.REDIS_URL,
        QUEUE_PREFIX: config.QUEUE_PREFIX,
        ADMIN_IDS: admin.id,
        CONSOLE_SECRET: config.CONSOLE_SECRET ?? '',
        CONSOLE_HOST: '127.0.0.1',
        CONSOLE_PORT: '0',
        HEALTH_PORT: '0',
        LOG_LEVEL: 'info',
      },
      /"url":"(http:\/\/127\.0\.0\.1:\d+)"[^\n]*console started/,
    );
    try {
      const base = built.match[1]!;
      const link = await createSignInLink(p.deps.stores.console, { secret: config.CONSOLE_SECRET ?? '', publicUrl: base, minutes: 10, now: new Date() }, { platform: 'wechaty', userId: staffA.id });
      const confirm = await (await fetch(link.url)).text();
      const login = await fetch(`${base}/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ token: field(confirm, 'token'), _csrf: field(confirm, '_csrf') }).toString(),
        redirect: 'manual',
      });
      const res = await fetch(`${base}/cohorts/${cohortA}`, { headers: { cookie: sessionCookie(login) } });
      expect(res.status).toBe(200);
      const page = await res.text();
      expect(page).toContain('<h2>签到表</h2>');
      expect(page).toContain('<h2>导出</h2>');
    } finally {
      built.child.kill('SIGTERM');
      await built.exited;
    }
  }, 90_000);

  it('approving a leave in the console tells the trainee privately and in the group, and is audited', async () => {
    const cookie = await signIn(staffA);
    const leave = (await p.deps.stores.leave.listByCohort(cohortA))[0]!;
    const res = await post(`/cohorts/${cohortA}/leave/${leave.id}/approve`, { _csrf: await csrfOf(cookie) }, cookie);
    expect(res.status).toBe(303);
    expect((await p.deps.stores.leave.findByNo(cohortA, leave.no))!.status).toBe('approved');
    const jobs = (await outbox.queue.getJobs(['waiting', 'delayed', 'active', 'completed', 'failed'])).filter((j) => String(j.id).startsWith('console-'));
    const targets = jobs.map((j) => (j.data as { target: { kind: string; id: string } }).target);
    expect(targets).toEqual(expect.arrayContaining([{ kind: 'private', id: trainee.id }, { kind: 'group', id: groupA }]));
    const toGroup = jobs.find((j) => (j.data as { target: { id: string } }).target.id === groupA)!;
    expect((toGroup.data as { mentions: { id: string }[] }).mentions.map((m) => m.id)).toEqual([trainee.id]);
    expect(JSON.stringify(jobs.map((j) => j.data))).not.toContain(PHONE);
    const audit = await p.deps.stores.console.listAudit(cohortA);
    expect(audit).toEqual(expect.arrayContaining([expect.objectContaining({ action: 'leave.approve', userId: staffA.id, platform: 'wechaty', targetId: leave.id, outcome: 'ok' })]));
    const page = await (await get(`/cohorts/${cohortA}`, cookie)).text();
    expect(page).toContain('已批准');
    // The audit section speaks Chinese.
    const auditSection = page.slice(page.indexOf('<h2>后台操作记录</h2>'));
    expect(auditSection).toContain('<td>批准请假</td><td>成功</td>');
    expect(auditSection).not.toContain('leave.approve');
    expect(auditSection).not.toMatch(/<td>ok<\/td>/);
  });

  it('the office approves a plan in the console; staff without the office role cannot', async () => {
    const staffCookie = await signIn(staffA);
    const refused = await post(`/cohorts/${cohortA}/plan/approve`, { _csrf: await csrfOf(staffCookie) }, staffCookie);
    expect(refused.status).toBe(303);
    expect((await p.deps.stores.cohorts.findById(cohortA))!.plan.status).toBe('submitted');
    const cookie = await signIn(admin);
    const home = await (await get('/', cookie)).text();
    expect(home).toContain('待批准');
    const res = await post(`/cohorts/${cohortA}/plan/approve`, { _csrf: field(home, '_csrf') }, cookie);
    expect(res.status).toBe(303);
    expect((await p.deps.stores.cohorts.findById(cohortA))!.plan.status).toBe('approved');
    const audit = await p.deps.stores.console.listAudit(cohortA);
    expect(audit).toEqual(expect.arrayContaining([expect.objectContaining({ action: 'plan.approve', userId: admin.id, outcome: 'ok' }), expect.objectContaining({ action: 'plan.approve', userId: staffA.id, outcome: 'refused' })]));
  });

  it('undoing a moderation record in the console undoes it as 审核 撤销 does, and is audited', async () => {
    await say(staffA, '#警告 @张三 刷屏', groupA, [trainee]);
    const record = (await p.deps.stores.moderation.list(cohortA, 10)).find((m) => m.userId === trainee.id && !m.undoneAt)!;
    expect(record).toBeDefined();
    const cookie = await signIn(staffA);
    const res = await post(`/cohorts/${cohortA}/moderation/${record.id}/undo`, { _csrf: await csrfOf(cookie) }, cookie);
    expect(res.status).toBe(303);
    const after = (await p.deps.stores.moderation.list(cohortA, 10)).find((m) => m.id === record.id)!;
    expect(after.undoneAt).toBeDefined();
    expect(after.undoneBy).toBe(staffA.id);
    expect(await p.deps.stores.console.listAudit(cohortA)).toEqual(expect.arrayContaining([expect.objectContaining({ action: 'moderation.undo', targetId: record.id, userId: staffA.id, outcome: 'ok' })]));
  });

  it('serves a stored digest picture at its signed link without a session, and nothing for a changed or unsigned link', async () => {
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
    await new CardStore(p.deps.redis, p.deps.config.QUEUE_PREFIX).put('digest_test_card', png, 60);
    const signed = new URL(signCardUrl(p.deps.config.CONSOLE_PUBLIC_URL, p.deps.config.CONSOLE_SECRET!, 'digest_test_card', Math.floor(Date.now() / 1000) + 600));
    const ok = await get(`${signed.pathname}${signed.search}`);
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await ok.arrayBuffer())).toEqual(png);
    expect((await get(`${signed.pathname}${signed.search.replace('sig=', 'sig=0')}`)).status).toBe(404);
    expect((await get(signed.pathname)).status).toBe(404);
  });

  it('a scorecard page exists only for a closed survey of the cohort', async () => {
    const cookie = await signIn(staffA);
    const res = await get(`/cohorts/${cohortA}/surveys/0123456789abcdef01234567/scorecard`, cookie);
    expect(res.status).toBe(404);
    expect(await res.text()).toContain('这份问卷还没有截止，或不属于这个班级');
    expect((await get(`/cohorts/${cohortB}/surveys/0123456789abcdef01234567/scorecard`, cookie)).status).toBe(403);
    // A closed survey: the scorecard staff received, drawn on the server, and its text.
    const survey = await p.deps.stores.surveys.open(cohortA, '张老师', at(D1, '12:01'), at(D2, '12:01'), [trainee.id]);
    expect((await get(`/cohorts/${cohortA}/surveys/${survey.id}/scorecard`, cookie)).status).toBe(404);
    await p.deps.stores.surveys.close(survey.id, at(D2, '12:01'));
    const page = await get(`/cohorts/${cohortA}/surveys/${survey.id}/scorecard`, cookie);
    expect(page.status).toBe(200);
    const body = await page.text();
    expect(body).toContain('讲师考核表：张老师');
    expect(body).toContain('<svg');
    expect(body).toContain('学员反馈');
  });

  it('staff see the job queues', async () => {
    const cookie = await signIn(staffA);
    const res = await get('/jobs', cookie);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('失败原因');
  });

  it('no URL and no log line carries a name, a phone number or a link token', () => {
    const names = [trainee.name, '张三', staffA.name, staffB.name, admin.name, PHONE];
    for (const path of visited) for (const n of names) expect(decodeURIComponent(path)).not.toContain(n);
    expect(logLines.length).toBeGreaterThan(10);
    for (const line of logLines) {
      for (const n of names) expect(line).not.toContain(n);
      expect(line).not.toMatch(/\/login\/[A-Za-z0-9_-]{20,}/);
    }
  });
});

describe('staff console without CONSOLE_SECRET', () => {
  let p: Pipeline;
  let server: ConsoleServer;
  const staff: ChatUser = { id: 'u-staff-x', name: '赵干事' };

  beforeAll(async () => {
    p = await startPipeline('consolenosecret', { ADMIN_IDS: staff.id });
    server = await startConsoleServer({
      deps: {
        config: p.deps.config,
        stores: p.deps.stores,
        conn: p.conn,
        scoring: p.deps.scoring,
        redis: p.deps.redis,
        clock: p.clock,
        log: pino({ level: 'silent' }),
        outbox: { enqueue: async () => undefined },
        scheduler: p.deps.scheduler,
        queues: [],
      },
      host: '127.0.0.1',
      port: 0,
    });
  });
  afterAll(async () => {
    await server.close();
    await p.stop();
  });

  it('#后台 says the console is not set up and gives no link', async () => {
    const text = (await p.say(staff, '#后台', null)).map((r) => r.message.text).join('\n');
    expect(text).toContain('后台还没有配置');
    expect(text).not.toMatch(/https?:\/\//);
  });

  it('every console page says it is not set up, and /healthz answers', async () => {
    const res = await fetch(`${server.url}/`);
    expect(res.status).toBe(503);
    expect(await res.text()).toContain('CONSOLE_SECRET');
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  });
});

describe('#后台 for someone the bot does not know', () => {
  let p: Pipeline;
  const stranger: ChatUser = { id: 'u-stranger', name: '路人' };

  beforeAll(async () => {
    p = await startPipeline('consolestranger', { CONSOLE_SECRET: 'console-test-secret-0123456789abcdefghij' });
  });
  afterAll(() => p.stop());

  it('answers that there is nothing to see, with no link', async () => {
    const text = (await p.say(stranger, '#后台', null)).map((r) => r.message.text).join('\n');
    expect(text).toContain('还不在任何班级里');
    expect(text).not.toMatch(/https?:\/\//);
  });
});
