import { evaluateScorecard, gatherScorecardInput, renderScorecard, scorecardCardSvg } from '../features/feedback';
import { registerCardRoutes } from './card-route';
import { CardStore } from '../charts/card-url';
import Fastify, { type FastifyReply, type FastifyRequest } from 'fastify';
import formbody from '@fastify/formbody';
import type { AddressInfo } from 'node:net';
import { Types } from 'mongoose';
import { createBot } from '../create-bot';
import type { Cohort } from '../domain/types';
import { hashLinkToken, sameSignature, verifyLinkToken } from '../features/console-access';
import { buildArchive, parseArchiveKind } from '../features/reporting/archive-workbooks';
import { runHealthChecks, type HealthCheck } from '../kernel/health-server';
import { localDay } from '../kernel/local-time';
import { maskPhonesInText } from '../kernel/privacy';
import { botDepsFor, runAsViewer } from './console-actions';
import type { ConsoleDeps } from './console-deps';
import { cohortPage, cohortsPage, confirmSignInPage, EXPORT_SLUGS, jobsPage, messagePage, scorecardPage, signInPage, type CohortRow, type Nav, type QueueView } from './console-pages';
import { cookieHeader, csrfToken, newSession, openSession, readCookie, sealSession, SESSION_COOKIE, signInCsrf, type ConsoleSession } from './console-session';
import { gatherCohortPage } from './cohort-view';
import { loadViewer, managesCohort, rolesIn, seesJobs, type Viewer } from './viewer';

/** How to start the console: its dependencies and where it listens (port 0: any free port). */
export interface ConsoleServerOptions {
  deps: ConsoleDeps;
  host: string;
  port: number;
  /** What GET /healthz checks (Redis, MongoDB); without it /healthz only says the server answers. */
  health?: Record<string, HealthCheck>;
}

/** A running console. */
export interface ConsoleServer {
  url: string;
  close(): Promise<void>;
}

type Form = Record<string, string | undefined>;

const FLASH_COOKIE = 'cb_flash';

const isObjectId = (id: string): boolean => /^[0-9a-f]{24}$/.test(id) && Types.ObjectId.isValid(id);

/**
 * The staff console (SPEC §5): server-rendered pages over the same stores, roles and chat
 * commands as the bot. Sign-in only through a one-time #后台 link; the session is a signed,
 * httpOnly, SameSite=Strict cookie (Secure when CONSOLE_PUBLIC_URL is https); every POST
 * carries the session's CSRF token (403 without); every change goes to the audit log. URLs
 * carry opaque ids only, and the request log names the route pattern, never the URL.
 */
export async function startConsoleServer(options: ConsoleServerOptions): Promise<ConsoleServer> {
  const { deps } = options;
  const { config, stores, log } = deps;
  const secret = config.CONSOLE_SECRET;
  if (!secret) return startUnconfigured(options);
  const secure = config.CONSOLE_PUBLIC_URL.startsWith('https:');
  const bot = createBot(botDepsFor(deps));
  const commands = bot.commands;
  const app = Fastify({ logger: false, bodyLimit: 64 * 1024 });
  await app.register(formbody);
  // Digest and scorecard pictures for the DingTalk robot's markdown: signed links, no sign-in.
  registerCardRoutes(app, { store: new CardStore(deps.redis, config.QUEUE_PREFIX), secret });

  app.addHook('onResponse', async (request, reply) => {
    const line = { method: request.method, route: request.routeOptions.url ?? 'unmatched', status: reply.statusCode, ms: Math.round(reply.elapsedTime) };
    // The healthcheck asks every 30 seconds: only at debug level.
    if (line.route === '/healthz') log.debug(line, 'console request');
    else log.info(line, 'console request');
  });
  app.addHook('onSend', async (_request, reply, payload) => {
    reply.header('cache-control', 'no-store').header('x-frame-options', 'DENY').header('referrer-policy', 'no-referrer').header('x-content-type-options', 'nosniff');
    return payload;
  });
  app.setErrorHandler(async (err, _request, reply) => {
    log.error({ err }, 'console request failed');
    return reply.code(500).type('text/html; charset=utf-8').send(messagePage('出错了', '页面出错了，请稍后再试。'));
  });

  const page = (reply: FastifyReply, code: number, body: string) => reply.code(code).type('text/html; charset=utf-8').send(body);
  const sessionOf = (request: FastifyRequest): ConsoleSession | null => openSession(secret, readCookie(request.headers.cookie, SESSION_COOKIE), deps.clock.now());
  const navOf = (session: ConsoleSession, viewer: Viewer): Nav => ({ csrf: csrfToken(secret, session), jobs: seesJobs(viewer) });

  /** The signed-in viewer, or null after answering with the sign-in page; POSTs must carry the CSRF token. */
  const signedIn = async (request: FastifyRequest, reply: FastifyReply): Promise<{ session: ConsoleSession; viewer: Viewer; nav: Nav } | null> => {
    const session = sessionOf(request);
    if (!session) {
      await page(reply, 401, signInPage());
      return null;
    }
    if (request.method === 'POST') {
      const sent = (request.body as Form | undefined)?._csrf;
      if (typeof sent !== 'string' || !sameSignature(sent, csrfToken(secret, session))) {
        log.warn({ route: request.routeOptions.url, userId: session.userId }, 'console POST refused: CSRF token missing or wrong');
        await page(reply, 403, messagePage('请求被拒绝', '页面已过期，请刷新后重试。'));
        return null;
      }
    }
    const viewer = await loadViewer(deps, session);
    return { session, viewer, nav: navOf(session, viewer) };
  };

  /** The cohort in the URL when the viewer manages it; else answers 404/403 and returns null. */
  const cohortFor = async (request: FastifyRequest, reply: FastifyReply, viewer: Viewer, nav: Nav): Promise<Cohort | null> => {
    const id = (request.params as { id: string }).id;
    const cohort = isObjectId(id) ? await stores.cohorts.findById(id) : null;
    if (!cohort) {
      await page(reply, 404, messagePage('找不到班级', '没有这个班级。', nav));
      return null;
    }
    if (!managesCohort(viewer, cohort.id)) {
      log.warn({ userId: viewer.userId, cohortId: cohort.id }, 'console refused: not staff of this cohort');
      await page(reply, 403, messagePage('没有权限', '你不是这个班级的工作人员，不能查看。', nav));
      return null;
    }
    return cohort;
  };

  const audit = (viewer: Viewer, action: string, cohortId: string | null, targetId: string, outcome: string) =>
    stores.console.audit({ at: deps.clock.now(), platform: viewer.platform, userId: viewer.userId, action, cohortId, targetId, outcome });

  /** Adds a Set-Cookie header, keeping those already set on this reply. */
  const setCookie = (reply: FastifyReply, name: string, value: string, maxAgeSeconds: number) => {
    const before = reply.getHeader('set-cookie');
    const list = before === undefined ? [] : Array.isArray(before) ? before.map(String) : [String(before)];
    reply.header('set-cookie', [...list, cookieHeader(name, value, { maxAgeSeconds, secure })]);
  };
  // What an action's command answered, shown once on the page the browser is sent back to.
  const flashCookie = (reply: FastifyReply, text: string) => setCookie(reply, FLASH_COOKIE, Buffer.from(text.slice(0, 600), 'utf8').toString('base64url'), 60);
  const takeFlash = (request: FastifyRequest, reply: FastifyReply): string | undefined => {
    const v = readCookie(request.headers.cookie, FLASH_COOKIE);
    if (!v) return undefined;
    setCookie(reply, FLASH_COOKIE, '', 0);
    return Buffer.from(v, 'base64url').toString('utf8');
  };

  app.get('/healthz', async (_request, reply) => {
    const report = await runHealthChecks(options.health ?? {});
    if (report.status !== 'ok') log.warn({ checks: report.checks }, 'console health check failed');
    return reply.code(report.status === 'ok' ? 200 : 503).send(report);
  });

  app.get('/login/:token', async (request, reply) => {
    const { token } = request.params as { token: string };
    if (!verifyLinkToken(secret, token)) return page(reply, 403, messagePage('链接无效', '这个登录链接无效。请私聊机器人发送 #后台 获取新链接。'));
    return page(reply, 200, confirmSignInPage(token, signInCsrf(secret, token)));
  });

  app.post('/login', async (request, reply) => {
    const form = (request.body ?? {}) as Form;
    const token = typeof form.token === 'string' ? form.token : '';
    if (typeof form._csrf !== 'string' || !sameSignature(form._csrf, signInCsrf(secret, token))) return page(reply, 403, messagePage('请求被拒绝', '请重新打开登录链接。'));
    const random = verifyLinkToken(secret, token);
    if (!random) return page(reply, 403, messagePage('链接无效', '这个登录链接无效。请私聊机器人发送 #后台 获取新链接。'));
    const outcome = await stores.console.spendLink(hashLinkToken(random), deps.clock.now());
    if (outcome.status !== 'ok') {
      log.info({ outcome: outcome.status }, 'console sign-in refused');
      const why = outcome.status === 'used' ? '这个登录链接已经用过了。' : outcome.status === 'expired' ? '这个登录链接已过期。' : '这个登录链接无效。';
      return page(reply, 403, messagePage('链接无效', `${why}请私聊机器人发送 #后台 获取新链接。`));
    }
    const session = newSession(outcome, deps.clock.now(), config.CONSOLE_SESSION_HOURS);
    log.info({ platform: outcome.platform, userId: outcome.userId }, 'console signed in');
    setCookie(reply, SESSION_COOKIE, sealSession(secret, session), config.CONSOLE_SESSION_HOURS * 3600);
    return reply.redirect('/', 303);
  });

  app.post('/logout', async (request, reply) => {
    const who = await signedIn(request, reply);
    if (!who) return reply;
    setCookie(reply, SESSION_COOKIE, '', 0);
    return page(reply, 200, messagePage('已退出', '你已退出后台。'));
  });

  app.get('/', async (request, reply) => {
    const who = await signedIn(request, reply);
    if (!who) return reply;
    const { viewer, nav } = who;
    const ids = viewer.isAdmin ? await stores.console.allCohortIds() : [...viewer.roles.keys()].filter((id) => managesCohort(viewer, id));
    const cohorts = await stores.cohorts.findByIds(ids);
    const rows: CohortRow[] = await Promise.all(
      cohorts.map(async (cohort) => {
        const today = localDay(deps.clock.now(), cohort.timezone);
        const status = today < cohort.startDate ? '未开始' : today > cohort.endDate ? '已结业' : '进行中';
        return { cohort, status, trainees: (await stores.members.listWithRole(cohort.id, 'trainee')).filter((m) => m.active).length, canDecidePlan: rolesIn(viewer, cohort.id).has('office') };
      }),
    );
    rows.sort((a, b) => b.cohort.startDate.localeCompare(a.cohort.startDate));
    return page(reply, 200, cohortsPage(rows, nav, takeFlash(request, reply)));
  });

  app.get('/cohorts/:id', async (request, reply) => {
    const who = await signedIn(request, reply);
    if (!who) return reply;
    const cohort = await cohortFor(request, reply, who.viewer, who.nav);
    if (!cohort) return reply;
    const data = await gatherCohortPage(deps, cohort, rolesIn(who.viewer, cohort.id));
    return page(reply, 200, cohortPage(data, who.nav, takeFlash(request, reply)));
  });

  app.get('/cohorts/:id/surveys/:surveyId/scorecard', async (request, reply) => {
    const who = await signedIn(request, reply);
    if (!who) return reply;
    const cohort = await cohortFor(request, reply, who.viewer, who.nav);
    if (!cohort) return reply;
    const { surveyId } = request.params as { surveyId: string };
    const survey = /^[a-f0-9]{24}$/.test(surveyId) ? await stores.surveys.findById(surveyId) : null;
    const input = survey && survey.cohortId === cohort.id && survey.closedAt ? await gatherScorecardInput(stores, cohort.id, survey.lecturerName, survey.id) : null;
    if (!survey || !input) return page(reply, 404, messagePage('没有考核表', '这份问卷还没有截止，或不属于这个班级。', who.nav));
    const card = evaluateScorecard(input);
    const text = renderScorecard(card);
    return page(reply, 200, scorecardPage(cohort, survey.lecturerName, text, scorecardCardSvg(card, text), who.nav));
  });

  app.get('/cohorts/:id/export/:kind', async (request, reply) => {
    const who = await signedIn(request, reply);
    if (!who) return reply;
    const cohort = await cohortFor(request, reply, who.viewer, who.nav);
    if (!cohort) return reply;
    const slug = (request.params as { kind: string }).kind;
    const kind = Object.hasOwn(EXPORT_SLUGS, slug) ? parseArchiveKind(slug) : null;
    if (!kind) return page(reply, 404, messagePage('找不到', '没有这种导出。', who.nav));
    const file = await buildArchive(stores, cohort.id, kind, { scoring: deps.scoring, now: deps.clock.now() });
    await audit(who.viewer, `export.${slug}`, cohort.id, '', 'ok');
    return reply
      .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', contentDisposition(maskPhonesInText(file.fileName)))
      .send(file.buffer);
  });

  /** One console action through a chat command; the outcome is audited and shown on the next page. */
  const act = async (request: FastifyRequest, reply: FastifyReply, run: (cohort: Cohort, viewer: Viewer) => Promise<{ action: string; targetId: string; result: { ok: boolean; messages: string[] } } | null>, back: (cohort: Cohort) => string) => {
    const who = await signedIn(request, reply);
    if (!who) return reply;
    const cohort = await cohortFor(request, reply, who.viewer, who.nav);
    if (!cohort) return reply;
    const done = await run(cohort, who.viewer);
    if (!done) return page(reply, 404, messagePage('找不到', '没有这条记录。', who.nav));
    await audit(who.viewer, done.action, cohort.id, done.targetId, done.result.ok ? 'ok' : 'refused');
    log.info({ action: done.action, cohortId: cohort.id, targetId: done.targetId, userId: who.viewer.userId, ok: done.result.ok }, 'console action');
    flashCookie(reply, done.result.messages.join('\n') || (done.result.ok ? '已完成。' : '没有完成。'));
    return reply.redirect(back(cohort), 303);
  };

  for (const decision of ['approve', 'reject'] as const) {
    app.post(`/cohorts/:id/leave/:leaveId/${decision}`, (request, reply) =>
      act(
        request,
        reply,
        async (cohort, viewer) => {
          const leaveId = (request.params as { leaveId: string }).leaveId;
          const request_ = (await stores.leave.listByCohort(cohort.id)).find((l) => l.id === leaveId);
          if (!request_) return null;
          const result = await runAsViewer(deps, commands, viewer, cohort, decision === 'approve' ? '批准请假' : '驳回请假', String(request_.no), `leave-${leaveId}-${decision}`);
          return { action: `leave.${decision}`, targetId: leaveId, result };
        },
        (cohort) => `/cohorts/${cohort.id}`,
      ),
    );
    app.post(`/cohorts/:id/plan/${decision}`, (request, reply) =>
      act(
        request,
        reply,
        async (cohort, viewer) => {
          const reason = String((request.body as Form).reason ?? '').replace(/\s+/g, ' ').trim().slice(0, 200);
          const args = decision === 'approve' ? cohort.code : `${cohort.code} ${reason}`;
          const result = await runAsViewer(deps, commands, viewer, cohort, decision === 'approve' ? '批准' : '驳回', args, `plan-${cohort.id}-${decision}-${cohort.plan.submittedAt?.getTime() ?? 0}`);
          return { action: `plan.${decision}`, targetId: cohort.id, result };
        },
        () => '/',
      ),
    );
  }

  app.post('/cohorts/:id/moderation/:recordId/undo', (request, reply) =>
    act(
      request,
      reply,
      async (cohort, viewer) => {
        const recordId = (request.params as { recordId: string }).recordId;
        const record = (await stores.moderation.list(cohort.id, 500)).find((m) => m.id === recordId);
        if (!record) return null;
        const result = await runAsViewer(deps, commands, viewer, cohort, '审核', `撤销 ${record.no}`, `moderation-${recordId}-undo`);
        return { action: 'moderation.undo', targetId: recordId, result };
      },
      (cohort) => `/cohorts/${cohort.id}`,
    ),
  );

  app.get('/jobs', async (request, reply) => {
    const who = await signedIn(request, reply);
    if (!who) return reply;
    if (!seesJobs(who.viewer)) return page(reply, 403, messagePage('没有权限', '任务队列只有工作人员和管理员可以查看。', who.nav));
    const views: QueueView[] = await Promise.all(
      deps.queues.map(async (q) => {
        const counts = await q.getJobCounts('waiting', 'delayed', 'active', 'failed', 'completed');
        const failed = await q.getFailed(0, 19);
        return {
          name: q.name,
          counts,
          failed: failed.map((j) => ({ id: String(j.id ?? ''), name: j.name, reason: (j.failedReason ?? '').slice(0, 300), at: j.finishedOn ? new Date(j.finishedOn) : null })),
        };
      }),
    );
    return page(reply, 200, jobsPage(views, config.TZ_DEFAULT, who.nav));
  });

  await app.listen({ host: options.host, port: options.port });
  return {
    url: listeningUrl(app.server.address(), options),
    async close() {
      await app.close();
      await bot.stop();
    },
  };
}

/**
 * The console without CONSOLE_SECRET: nothing can be signed, so every page says the console is
 * not set up (503) and /healthz still answers, so a deployment without it stays healthy.
 */
async function startUnconfigured(options: ConsoleServerOptions): Promise<ConsoleServer> {
  const app = Fastify({ logger: false });
  app.get('/healthz', async (_request, reply) => {
    const report = await runHealthChecks(options.health ?? {});
    return reply.code(report.status === 'ok' ? 200 : 503).send(report);
  });
  app.setNotFoundHandler(async (_request, reply) =>
    reply.code(503).type('text/html; charset=utf-8').send(messagePage('后台未配置', '后台还没有配置：请管理员设置 CONSOLE_SECRET（至少 32 个字符）后重启。')),
  );
  await app.listen({ host: options.host, port: options.port });
  return { url: listeningUrl(app.server.address(), options), close: () => app.close() };
}

/**
 * An attachment header with one file name: RFC 5987 `filename*` (UTF-8) for browsers that read it,
 * and the same name with every character outside printable ASCII as `_` for those that do not.
 */
export function contentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]|["\\]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

/** The URL a server listens on, with the port it was given (port 0: the one picked). */
function listeningUrl(address: string | AddressInfo | null, options: Pick<ConsoleServerOptions, 'host' | 'port'>): string {
  const port = typeof address === 'object' && address ? address.port : options.port;
  const host = options.host.includes(':') ? `[${options.host}]` : options.host;
  return `http://${host}:${port}`;
}
