import type { Cohort, PlanStatus } from '../domain/types';
import { formatDayTime } from '../kernel/local-time';
import { TIER_NAMES } from '../features/points';
import { MODERATION_KIND_NAMES, ruleLabel } from '../features/moderation';
import { ATTENDANCE_STATUS_NAMES, NOT_SIGNED_IN } from '../features/attendance';
import type { CohortPageData, CellStatus } from './cohort-view';
import { html, layout, postButton, raw, type Html } from './html';

/** The page frame's navigation for a signed-in viewer. */
export interface Nav {
  csrf: string;
  jobs: boolean;
}

/** Names of the grid's statuses: the product's attendance names (SPEC §3.1), and 未签到 for no record yet. */
export const CELL_NAMES: Readonly<Record<CellStatus, string>> = Object.freeze({ ...ATTENDANCE_STATUS_NAMES, none: NOT_SIGNED_IN });

const PLAN_NAMES: Readonly<Record<PlanStatus, string>> = Object.freeze({ draft: '未提交', submitted: '待批准', approved: '已批准', rejected: '已驳回' });
const LEAVE_NAMES = { pending: '待审批', approved: '已批准', rejected: '已驳回' } as const;

/** The exports a cohort page offers: URL slug → the archive kind 导出 knows. */
export const EXPORT_SLUGS: Readonly<Record<string, string>> = Object.freeze({ signin: '签到表', scores: '成绩表', feedback: '反馈表', followup: '回访', archive: '档案' });

/** What the audit section calls each console action (export.<slug> is named after its export). */
const AUDIT_ACTION_NAMES: Readonly<Record<string, string>> = Object.freeze({
  'leave.approve': '批准请假',
  'leave.reject': '驳回请假',
  'plan.approve': '批准培训方案',
  'plan.reject': '驳回培训方案',
  'moderation.undo': '撤销群管理处理',
});
const AUDIT_OUTCOME_NAMES: Readonly<Record<string, string>> = Object.freeze({ ok: '成功', refused: '未执行', failed: '失败' });

/** An audited action in Chinese; an unknown one is shown as stored. */
export function auditActionName(action: string): string {
  const slug = action.startsWith('export.') ? action.slice('export.'.length) : null;
  if (slug !== null && Object.hasOwn(EXPORT_SLUGS, slug)) return `导出${EXPORT_SLUGS[slug]}`;
  return AUDIT_ACTION_NAMES[action] ?? action;
}

/** An audited outcome in Chinese; an unknown one is shown as stored. */
export function auditOutcomeName(outcome: string): string {
  return AUDIT_OUTCOME_NAMES[outcome] ?? outcome;
}

/** A section's table, or one line 暂无 when it has no rows. */
const tableOr = (header: Html, rows: readonly Html[]): Html => (rows.length === 0 ? html`<p class="muted">暂无</p>` : html`<table>${header}${rows}</table>`);

/** A session's title cut short enough for a grid column. */
const shortTitle = (title: string): string => (Array.from(title).length > 8 ? `${Array.from(title).slice(0, 7).join('')}…` : title);

const flashBlock = (flash: string | undefined): Html | string => (flash ? html`<div class="flash">${flash}</div>` : '');

/** A short refusal or notice page (sign-in needed, link refused, not allowed). */
export function messagePage(title: string, text: string, nav?: Nav): string {
  return layout(title, html`<section><h1>${title}</h1><p>${text}</p></section>`, nav);
}

/** The sign-in page for someone without a session: how to get a link. */
export function signInPage(): string {
  return messagePage('请登录', '请在聊天里私聊机器人发送 #后台，点开收到的一次性链接登录。');
}

/** The page a sign-in link opens: one button that spends the link (a link preview opening it spends nothing). */
export function confirmSignInPage(token: string, csrf: string): string {
  return layout('登录后台', html`<section><h1>登录后台</h1><p>点击下面的按钮进入后台。链接只能使用一次。</p><form method="post" action="/login"><input type="hidden" name="token" value="${token}"><input type="hidden" name="_csrf" value="${csrf}"><button class="primary">进入后台</button></form></section>`);
}

/** One row of the cohorts page. */
export interface CohortRow {
  cohort: Cohort;
  trainees: number;
  /** The viewer holds the office role here (or is an administrator): 批准/驳回 buttons. */
  canDecidePlan: boolean;
  status: string;
}

/** The cohorts the viewer manages: status, plan approval state (with 批准/驳回 for the office), dates, size. */
export function cohortsPage(rows: readonly CohortRow[], nav: Nav, flash?: string): string {
  if (rows.length === 0) {
    return layout('班级', html`${flashBlock(flash)}<section><h1>班级</h1><p>你没有需要管理的班级。学员请在聊天里使用 #我的 查看自己的记录。</p></section>`, nav);
  }
  const body = rows.map(
    (r) => html`<tr><td><a href="/cohorts/${r.cohort.id}">${r.cohort.name}</a></td><td>${r.cohort.code}</td><td>${r.status}</td><td>${PLAN_NAMES[r.cohort.plan.status]}${r.cohort.plan.reason ? html`<div class="muted">${r.cohort.plan.reason}</div>` : ''}</td><td>${r.cohort.startDate} 至 ${r.cohort.endDate}</td><td>${r.trainees}</td><td>${
      r.canDecidePlan && r.cohort.plan.status !== 'approved'
        ? html`${postButton(`/cohorts/${r.cohort.id}/plan/approve`, nav.csrf, '批准')} ${postButton(`/cohorts/${r.cohort.id}/plan/reject`, nav.csrf, '驳回', {}, html`<input type="text" name="reason" placeholder="驳回原因" required maxlength="200"> `)}`
        : ''
    }</td></tr>`,
  );
  return layout('班级', html`${flashBlock(flash)}<section><h1>班级</h1><table><tr><th>班级</th><th>班级码</th><th>状态</th><th>培训方案</th><th>日期</th><th>学员</th><th>审批</th></tr>${body}</table></section>`, nav);
}

const when = (at: Date | undefined, tz: string): string => (at ? formatDayTime(at, tz) : '');

/** One cohort's page: grid, trend, homework, points and tiers, outstanding list, leave, moderation, surveys, follow-ups, exports. */
export function cohortPage(d: CohortPageData, nav: Nav, flash?: string): string {
  const { cohort } = d;
  const tz = cohort.timezone;
  const base = `/cohorts/${cohort.id}`;
  const staff = d.roles.has('staff');
  const grid = html`<section><h2>签到表</h2><p class="muted">${Object.entries(CELL_NAMES).map(([k, v]) => html`<span class="s-${k}">&nbsp;${v}&nbsp;</span> `)}</p>${
    d.sessions.length === 0 || d.trainees.length === 0
      ? html`<p class="muted">暂无</p>`
      : html`<table class="grid"><tr><th>学员</th>${d.sessions.map((s) => html`<th title="${s.title}">${s.day.slice(5)} ${formatDayTime(s.startsAt, tz).slice(-5)}<div class="sub">${shortTitle(s.title)}</div></th>`)}</tr>${d.trainees.map(
          (t) => html`<tr><td>${t.name}</td>${d.sessions.map((s) => {
            const c = d.cells.get(`${s.id}|${t.userId}`) ?? 'none';
            return html`<td class="s-${c}">${CELL_NAMES[c]}</td>`;
          })}</tr>`,
        )}</table>`
  }</section>`;
  const trend = html`<section><h2>出勤率趋势</h2>${
    d.trendSvg === ''
      ? html`<p class="muted">暂无数据</p>`
      : html`${raw(d.trendSvg)}<table class="figures"><tr><th>日期</th>${d.trend.map((p) => html`<td>${p.day.slice(5)}</td>`)}</tr><tr><th>出勤率</th>${d.trend.map((p) => html`<td>${p.rate === null ? '—' : `${Math.round(p.rate * 10) / 10}%`}</td>`)}</tr></table>`
  }</section>`;
  const homework = html`<section><h2>作业</h2>${tableOr(
    html`<tr><th>日期</th><th>作业</th><th>截止</th><th>已交</th><th>迟交</th><th>已点评</th></tr>`,
    d.homework.map((h) => html`<tr><td>${h.day}</td><td>${h.seq}. ${h.content.slice(0, 40)}</td><td>${when(h.deadline, tz)}</td><td>${h.submitted}</td><td>${h.late}</td><td>${h.reviewed}</td></tr>`),
  )}</section>`;
  const ranking = html`<section><h2>积分排名与等级</h2>${tableOr(
    html`<tr><th>名次</th><th>学员</th><th>积分</th><th>等级</th><th>说明</th></tr>`,
    d.standings.map((s) => html`<tr><td>${s.rank}</td><td>${s.name}</td><td>${s.points}</td><td>${TIER_NAMES[s.tier]}</td><td class="muted">${s.reasons.join('；')}</td></tr>`),
  )}</section>`;
  const outstanding = html`<section><h2>优秀学员名单</h2>${tableOr(html`<tr><th>学员</th><th>理由</th><th>出勤</th></tr>`, [
    ...d.recommended.map((r) => html`<tr><td>${r.name}</td><td>${r.reason}</td><td>${r.tally.attended}/${r.tally.expected}</td></tr>`),
    ...d.heldBack.map((h) => html`<tr><td>${h.name}</td><td class="muted">讲师推荐，未达到出勤或积分要求</td><td>${h.tally.attended}/${h.tally.expected}</td></tr>`),
  ])}</section>`;
  const leave = html`<section><h2>请假</h2>${tableOr(
    html`<tr><th>编号</th><th>学员</th><th>日期</th><th>原因</th><th>状态</th><th></th></tr>`,
    d.leave.map(
      (l) => html`<tr><td>${l.no}</td><td>${l.name}</td><td>${l.day}</td><td>${l.reason}</td><td>${LEAVE_NAMES[l.status]}</td><td>${
        staff && l.status === 'pending' ? html`${postButton(`${base}/leave/${l.id}/approve`, nav.csrf, '批准')} ${postButton(`${base}/leave/${l.id}/reject`, nav.csrf, '驳回')}` : ''
      }</td></tr>`,
    ),
  )}</section>`;
  const moderation = html`<section><h2>群管理记录</h2>${tableOr(
    html`<tr><th>编号</th><th>时间</th><th>成员</th><th>处理</th><th>规则</th><th>申诉</th><th></th></tr>`,
    d.moderation.map(
      (m) => html`<tr><td>${m.no}</td><td>${when(m.at, tz)}</td><td>${m.name}</td><td>${MODERATION_KIND_NAMES[m.kind] ?? m.kind}</td><td>${ruleLabel(m.rule)}</td><td>${m.appeal?.text ?? ''}</td><td>${
        m.undoneAt ? html`<span class="muted">已撤销</span>` : staff ? postButton(`${base}/moderation/${m.id}/undo`, nav.csrf, '撤销') : ''
      }</td></tr>`,
    ),
  )}</section>`;
  const surveys = html`<section><h2>反馈问卷</h2>${tableOr(
    html`<tr><th>讲师</th><th>开始</th><th>截止</th><th>邀请</th><th>已答</th><th>平均满意度</th><th>考核表</th></tr>`,
    d.surveys.map(
      (s) => html`<tr><td>${s.survey.lecturerName}</td><td>${when(s.survey.openedAt, tz)}</td><td>${when(s.survey.closesAt, tz)}</td><td>${s.survey.invited.length}</td><td>${s.answered}</td><td>${s.averageSatisfaction === null ? '—' : s.averageSatisfaction.toFixed(1)}</td><td>${
        s.survey.closedAt ? html`<a href="${base}/surveys/${s.survey.id}/scorecard">查看</a>` : html`<span class="muted">问卷截止后</span>`
      }</td></tr>`,
    ),
  )}<p class="muted">问卷截止后可查看讲师考核表；逐条回复见「反馈表」下载。</p></section>`;
  const followUps = html`<section><h2>回访</h2>${tableOr(
    html`<tr><th>批次</th><th>学员</th><th>发出</th><th>回复</th><th>开店</th><th>平台</th><th>月销售额</th><th>需要帮助</th></tr>`,
    d.followUps.map(
      (f) => html`<tr><td>第 ${f.wave} 次</td><td>${f.name}</td><td>${when(f.askedAt, tz)}</td><td>${when(f.answeredAt, tz)}</td><td>${f.openedShop === undefined ? '' : f.openedShop ? '是' : '否'}</td><td>${f.shopPlatform ?? ''}</td><td>${f.monthlySalesYuan ?? ''}</td><td>${f.needsHelp ?? ''}</td></tr>`,
    ),
  )}</section>`;
  const downloads = html`<section><h2>导出</h2><nav class="links">${Object.entries(EXPORT_SLUGS).map(([slug, kind]) => html`<a href="${base}/export/${slug}">${kind}.xlsx</a>`)}</nav></section>`;
  const audit = html`<section><h2>后台操作记录</h2>${tableOr(
    html`<tr><th>时间</th><th>操作</th><th>结果</th></tr>`,
    d.audit.map((a) => html`<tr><td>${when(a.at, tz)}</td><td>${auditActionName(a.action)}</td><td>${auditOutcomeName(a.outcome)}</td></tr>`),
  )}</section>`;
  const facts = [`${cohort.startDate} 至 ${cohort.endDate}`, cohort.location, `培训方案：${PLAN_NAMES[cohort.plan.status]}`, `学员 ${d.trainees.length} 人`].filter((part) => part.trim() !== '');
  const head = html`<h1>${cohort.name}（${cohort.code}）</h1><p>${facts.join(' · ')}</p>`;
  return layout(cohort.name, html`${flashBlock(flash)}${head}${grid}${trend}${homework}${ranking}${outstanding}${leave}${moderation}${surveys}${followUps}${downloads}${audit}`, nav);
}

/** One queue's counts and latest failures, as the jobs page shows them. */
export interface QueueView {
  name: string;
  counts: Record<string, number>;
  failed: { id: string; name: string; reason: string; at: Date | null }[];
}

/** The job queues: counts per state and the latest failed jobs with their reasons. */
export function jobsPage(queues: readonly QueueView[], tz: string, nav: Nav): string {
  const sections = queues.map(
    (q) => html`<section><h2>${q.name}</h2><p>${Object.entries(q.counts).map(([k, v]) => html`${k}: <b>${v}</b>&nbsp;&nbsp;`)}</p><table><tr><th>任务</th><th>编号</th><th>时间</th><th>失败原因</th></tr>${q.failed.map(
      (f) => html`<tr><td>${f.name}</td><td>${f.id}</td><td>${f.at ? formatDayTime(f.at, tz) : ''}</td><td>${f.reason}</td></tr>`,
    )}</table></section>`,
  );
  return layout('任务队列', html`<h1>任务队列</h1>${sections}`, nav);
}

/** One lecturer's scorecard as staff received it: the picture (server-drawn SVG) and the text. */
export function scorecardPage(cohort: Cohort, lecturerName: string, text: string, svg: string, nav: Nav): string {
  return layout(
    `讲师考核表：${lecturerName}`,
    html`<section><p><a href="/cohorts/${cohort.id}">← ${cohort.name}</a></p><h1>讲师考核表：${lecturerName}</h1><div class="card">${raw(svg)}</div><pre class="scorecard">${text}</pre></section>`,
    nav,
  );
}

