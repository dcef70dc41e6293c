import { ATTENDANCE_STATUS_NAMES } from '../../../src/features/attendance';
import type { Cohort, Session } from '../../../src/domain/types';
import type { CohortPageData } from '../../../src/console/cohort-view';
import { auditActionName, auditOutcomeName, CELL_NAMES, cohortPage, scorecardPage } from '../../../src/console/console-pages';
import { contentDisposition } from '../../../src/console/console-server';

const cohort = { id: 'c1', code: 'ABC123', name: '网店班', startDate: '2027-03-01', endDate: '2027-03-02', location: '', timezone: 'Asia/Shanghai', plan: { status: 'approved' } } as Cohort;
const session: Session = {
  id: 's1',
  cohortId: 'c1',
  day: '2027-03-01',
  startsAt: new Date('2027-03-01T09:00:00+08:00'),
  endsAt: new Date('2027-03-01T12:00:00+08:00'),
  title: '开店流程与平台规则详解',
  lecturerName: '张老师',
  cancelled: false,
};

/** A cohort page's data with nothing in it but one trainee and one session. */
const data = (over: Partial<CohortPageData> = {}): CohortPageData => ({
  cohort,
  roles: new Set(['staff']),
  now: new Date('2027-03-01T08:00:00+08:00'),
  sessions: [session],
  trainees: [{ name: '学员甲', userId: 'u1' }],
  cells: new Map([['s1|u1', 'absent']]),
  trendSvg: '',
  trend: [],
  homework: [],
  standings: [],
  recommended: [],
  heldBack: [],
  leave: [],
  moderation: [],
  surveys: [],
  followUps: [],
  audit: [],
  ...over,
});

const nav = { csrf: 'x', jobs: true };

describe('the cohort page', () => {
  it('names attendance statuses as the rest of the product does', () => {
    for (const [status, name] of Object.entries(ATTENDANCE_STATUS_NAMES)) expect(CELL_NAMES[status as keyof typeof CELL_NAMES]).toBe(name);
    expect(cohortPage(data(), nav)).toContain('<td class="s-absent">缺勤</td>');
  });

  it('leaves out an empty place from the heading instead of showing a doubled dot', () => {
    const page = cohortPage(data(), nav);
    expect(page).toContain('<p>2027-03-01 至 2027-03-02 · 培训方案：已批准 · 学员 1 人</p>');
    expect(cohortPage(data({ cohort: { ...cohort, location: '县电商中心' } }), nav)).toContain('2027-03-02 · 县电商中心 · 培训方案');
  });

  it('shows one line 暂无 for a section without rows, and 暂无数据 for a trend with no held session', () => {
    const page = cohortPage(data(), nav);
    for (const title of ['作业', '积分排名与等级', '优秀学员名单', '请假', '群管理记录', '反馈问卷', '回访', '后台操作记录']) {
      expect(page).toContain(`<h2>${title}</h2><p class="muted">暂无</p>`);
    }
    expect(page).toContain('<h2>出勤率趋势</h2><p class="muted">暂无数据</p>');
  });

  it('shows the trend chart with a table of its figures once a day is counted', () => {
    const page = cohortPage(data({ trendSvg: '<svg></svg>', trend: [{ day: '2027-03-01', rate: 100 }, { day: '2027-03-02', rate: null }] }), nav);
    expect(page).toContain('<svg></svg><table class="figures"><tr><th>日期</th><td>03-01</td><td>03-02</td></tr><tr><th>出勤率</th><td>100%</td><td>—</td></tr></table>');
  });

  it("shows each session's short title under its time, and keeps the trainee column in place when scrolling sideways", () => {
    const page = cohortPage(data(), nav);
    expect(page).toContain('<th title="开店流程与平台规则详解">03-01 09:00<div class="sub">开店流程与平台…</div></th>');
    expect(page).toMatch(/\.grid tr>:first-child\{position:sticky;left:0/);
  });

  it("links a closed survey to its lecturer's scorecard page, which shows the picture and the text staff received", () => {
    const survey = { id: 'v1', cohortId: 'c1', lecturerName: '张老师', invited: ['u1'], openedAt: session.endsAt, closesAt: new Date('2027-03-02T12:00:00+08:00') } as CohortPageData['surveys'][number]['survey'];
    expect(cohortPage(data({ surveys: [{ survey, answered: 1, averageSatisfaction: 5 }] }), nav)).toContain('问卷截止后');
    const closed = cohortPage(data({ surveys: [{ survey: { ...survey, closedAt: survey.closesAt }, answered: 1, averageSatisfaction: 5 }] }), nav);
    expect(closed).toContain('href="/cohorts/c1/surveys/v1/scorecard"');
    const card = scorecardPage(cohort, '张老师', '✅ 张老师 考核通过\n授课时长 6 小时', '<svg xmlns="http://www.w3.org/2000/svg"></svg>', nav);
    expect(card).toContain('讲师考核表：张老师');
    expect(card).toContain('<svg xmlns="http://www.w3.org/2000/svg"></svg>');
    expect(card).toContain('✅ 张老师 考核通过\n授课时长 6 小时');
  });

  it('names audited actions and outcomes in Chinese', () => {
    const page = cohortPage(data({ audit: [{ at: new Date('2027-03-01T10:00:00+08:00'), platform: 'wechaty', userId: 'u9', action: 'leave.approve', cohortId: 'c1', targetId: 'l1', outcome: 'ok' }] }), nav);
    expect(page).toContain('<td>批准请假</td><td>成功</td>');
    expect(auditActionName('export.signin')).toBe('导出签到表');
    expect(auditActionName('plan.reject')).toBe('驳回培训方案');
    expect(auditActionName('moderation.undo')).toBe('撤销群管理处理');
    expect(auditOutcomeName('refused')).toBe('未执行');
  });
});

describe('contentDisposition', () => {
  it('gives one name: the ASCII fallback is the UTF-8 name with other characters as _', () => {
    expect(contentDisposition('ABC123-网店班-签到表.xlsx')).toBe(`attachment; filename="ABC123-___-___.xlsx"; filename*=UTF-8''${encodeURIComponent('ABC123-网店班-签到表.xlsx')}`);
    expect(contentDisposition(`a"b\\c'(1).xlsx`)).toBe(`attachment; filename="a_b_c'(1).xlsx"; filename*=UTF-8''a%22b%5Cc%27%281%29.xlsx`);
  });
});
