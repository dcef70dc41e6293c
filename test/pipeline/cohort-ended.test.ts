import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Job } from 'bullmq';
import ExcelJS from 'exceljs';
import { cohortEndedJob } from '../../jobs/cohort-ended.job';
import type { JobDeps } from '../../jobs/job-definition';
import type { BullmqScheduler } from '../../src/queue/bullmq-scheduler';
import type { ChatTarget, OutgoingFile, OutgoingMessage } from '../../src/platform/chat-event';
import { createOutboxProcessor, DEFAULT_TARGET_RATE, Outbox } from '../../src/queue/outbox';
import { createRedis } from '../../src/queue/redis-connection';
import { startPipeline, type Pipeline } from '../support/pipeline';
import { testLog } from '../support/test-bot';

const at = (hhmm: string) => new Date(`2027-03-01T${hhmm}:00+08:00`);

/** The end of training as staff receive it (SPEC §3.4, §3.6): the tiers, the 推荐名单 with its bar, and the archive file itself. */
describe('the end-of-training report', () => {
  let p: Pipeline;
  let outbox: Outbox;
  let deps: JobDeps;
  let cohortId = '';
  let code = '';
  let report = '';
  const exportDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cohort-ended-'));
  const redis = createRedis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
  const admin = { id: 'u-admin', name: '办公室' };
  const staff = { id: 'u-staff', name: '刘干事' };
  const lecturer = { id: 'u-zhang', name: '张老师' };
  // 甲乙丙 come to both sessions; 丁 and 甲 are the lecturer's picks; 丁, 戊 and 己 never come and earn nothing.
  type Person = { id: string; name: string };
  const [jia, yi, bing, ding, wu, ji] = ['学员甲', '学员乙', '学员丙', '学员丁', '学员戊', '学员己'].map((name, i) => ({ id: `u-t${i}`, name })) as [
    Person, Person, Person, Person, Person, Person,
  ];
  const group = 'ended@chatroom';

  const queued = async (prefix: string) => (await outbox.queue.getJobs(['waiting', 'delayed', 'active', 'completed'])).filter((j) => j.id?.startsWith(prefix));
  const deliver = async (jobs: Job[], withFiles: boolean) => {
    const texts: Array<[ChatTarget, OutgoingMessage]> = [];
    const files: Array<[ChatTarget, OutgoingFile]> = [];
    const run = createOutboxProcessor({
      send: async (target, message) => void texts.push([target, message]),
      ...(withFiles ? { sendFile: async (target: ChatTarget, file: OutgoingFile) => void files.push([target, file]) } : {}),
      limiter: { takeAll: async () => ({ allowed: true, retryInMs: 0 }) },
      perTarget: DEFAULT_TARGET_RATE,
      perAccount: null,
      accountKey: 'account',
    });
    for (const j of jobs) await run(j);
    return { texts, files };
  };

  beforeAll(async () => {
    p = await startPipeline('cohortended', { ADMIN_IDS: admin.id, FLOOD_MAX_MESSAGES: '1000' });
    outbox = new Outbox(redis, p.deps.config.QUEUE_PREFIX);
    p.clock.set(new Date('2027-02-27T10:00:00+08:00'));
    code = /班级码：([A-Z0-9]{6})/.exec((await p.say(admin, '#新建班级 结业班 2027-03-01 2027-03-01', group))[0]!.message.text)![1]!;
    await p.say(admin, `#绑定 ${code}`, group);
    cohortId = (await p.deps.stores.cohorts.findByCode(code))!.id;
    const now = p.clock.now();
    await p.deps.stores.members.setRole(cohortId, 'wechaty', staff, 'staff', now);
    await p.deps.stores.members.setRole(cohortId, 'wechaty', lecturer, 'lecturer', now);
    for (const t of [jia, yi, bing, ding, wu, ji]) await p.deps.stores.members.setRole(cohortId, 'wechaty', t, 'trainee', now);
    await p.say(admin, '#课表\n03-01 09:00-12:00 开店 张老师\n03-01 13:00-16:00 上架 张老师', group);
    await p.say(admin, '#提交方案', group);
    await p.say(admin, `#批准 ${code}`, null);
    for (const [when, who] of [['08:50', jia], ['08:51', yi], ['08:52', bing], ['12:50', jia], ['12:51', yi], ['12:52', bing]] as const) {
      p.clock.set(at(when));
      await p.say(who, '#签到', group);
    }
    p.clock.set(at('15:00'));
    expect((await p.say(lecturer, '#优秀学员 @学员丁 @学员甲', group, [ding, jia])).map((r) => r.message.text)).toContain('已推荐：学员丁、学员甲。');
    p.clock.set(at('17:00'));
    const scheduler = p.deps.scheduler as BullmqScheduler;
    deps = { stores: p.deps.stores, scoring: p.deps.scoring, adminIds: [admin.id], exportDir, workQueue: scheduler.queue, clock: p.clock, log: testLog, outbox, scheduler };
    await cohortEndedJob.process({ cohortId }, deps, 'ended-1');
    const sent = await queued(`cohort-ended_${cohortId}_`);
    expect(sent.map((j) => (j.data as { target: { id: string } }).target.id).sort()).toEqual([admin.id, staff.id].sort());
    report = (sent[0]!.data as { text: string }).text;
  });

  afterAll(async () => {
    await outbox?.queue.obliterate({ force: true }).catch(() => undefined);
    await outbox?.close();
    redis.disconnect();
    await p?.stop();
    fs.rmSync(exportDir, { recursive: true, force: true });
  });

  it('never puts forward a trainee with no attendance and no points, the lecturer’s pick included, and says why', () => {
    const lines = report.split('\n');
    const head = lines.indexOf('推荐名单（3 人，请工作人员审核）：');
    expect(head).toBeGreaterThan(0);
    // The pick who clears the bar first; then equal points rank by pinyin: 丙 (bing), 乙 (yi).
    expect(lines.slice(head + 1, head + 4)).toEqual(['1. 学员甲 — 讲师推荐（积分 4），出勤 2/2', '2. 学员丙 — 积分第 1 名（4 分），出勤 2/2', '3. 学员乙 — 积分第 1 名（4 分），出勤 2/2']);
    for (const never of ['学员戊', '学员己']) expect(report).not.toContain(never);
    expect(report).toContain('推荐门槛：出勤不少于 60% 且积分大于 0');
    expect(report).toContain('讲师推荐但未达门槛，未列入：学员丁（出勤 0/2，积分 0）');
    expect(report).toContain('⚠️ 推荐名单不足 5 人');
  });

  it('keeps 优秀学员 for the tier and 推荐名单 for the list put forward, never one word for both', () => {
    // 甲 is the one 优秀学员: the lecturer's pick who clears the bar; 丁, picked but never present, stays basic.
    expect(report.split('\n').slice(0, 2)).toEqual(['🎓「结业班」培训结束', '等级评定：孵化学员 0 人，优秀学员 1 人，基础型学员 5 人']);
    expect(report).not.toContain('优秀学员名单');
  });

  it('排名 shows the same 推荐名单, bar and held-back picks as the report, and tiers the picks by the bar', async () => {
    const lines = report.split('\n');
    const block = lines.slice(lines.indexOf('推荐名单（3 人，请工作人员审核）：'), lines.findIndex((l) => l.startsWith('⚠️ 推荐名单不足')) + 1);
    expect(block).toHaveLength(7);
    const ranking = (await p.say(staff, '#排名', null)).map((r) => r.message.text).join('\n');
    expect(ranking).toContain(block.join('\n'));
    expect(ranking).not.toContain('优秀学员名单');
    const rankLines = ranking.split('\n');
    expect(rankLines.find((l) => l.includes('学员甲 4 分'))).toMatch(/· 优秀学员（讲师推荐）$/);
    expect(rankLines.find((l) => l.includes('学员丁 0 分'))).toMatch(/· 基础型学员（讲师推荐，尚未达推荐门槛：出勤 0\/2，不足 60%；积分 0，需大于 0（结业时评定））$/);
  });

  it('names no server path in chat, though a copy is kept on the server', () => {
    const kept = fs.readdirSync(path.join(exportDir, code));
    expect(kept).toHaveLength(1);
    expect(report).toContain(`📎 培训档案 ${kept[0]} 随后以文件私聊发送。`);
    expect(report).not.toContain(exportDir);
    expect(report).not.toMatch(/[/\\][^\s/\\]*\.xlsx/);
  });

  it('sends each staff member the archive workbook itself, privately', async () => {
    const { files, texts } = await deliver(await queued(`cohort-ended-archive_${cohortId}_`), true);
    expect(texts).toEqual([]);
    expect(files.map(([to]) => to).sort((a, b) => a.id.localeCompare(b.id))).toEqual(
      [admin.id, staff.id].sort().map((id) => ({ kind: 'private', id })),
    );
    for (const [, file] of files) {
      expect(file.name).toMatch(/^结业班-档案-\d{8}\.xlsx$/);
      expect(file.data.subarray(0, 2).toString()).toBe('PK');
    }
  });

  it('lists the report’s 推荐名单 in the archive’s 推荐名单 sheet, with the bar and the picks held back', async () => {
    const { files } = await deliver(await queued(`cohort-ended-archive_${cohortId}_`), true);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(files[0]![1].data as unknown as ArrayBuffer);
    expect(wb.getWorksheet('优秀学员档案')).toBeUndefined();
    const sheet = wb.getWorksheet('推荐名单')!;
    const rows: string[][] = [];
    sheet.eachRow((row) => rows.push(Array.from({ length: sheet.columnCount }, (_, c) => row.getCell(c + 1).text)));
    expect(rows[0]).toEqual(['序号', '姓名', '乡镇/村', '产品', '推荐理由', '出勤', '积分', '等级', '手机']);
    expect(rows.slice(1, 4).map((r) => [r[1], r[4], r[5], r[7]])).toEqual([
      ['学员甲', '讲师推荐（积分 4）', '2/2', '优秀学员'],
      ['学员丙', '积分第 1 名（4 分）', '2/2', '基础型学员'],
      ['学员乙', '积分第 1 名（4 分）', '2/2', '基础型学员'],
    ]);
    expect(rows.slice(4).map((r) => r[0])).toEqual(['推荐门槛：出勤不少于 60% 且积分大于 0', '讲师推荐但未达门槛，未列入：学员丁（出勤 0/2，积分 0）']);
  });

  it('tells staff how to get the archive where the platform cannot send files, without a path', async () => {
    const { files, texts } = await deliver(await queued(`cohort-ended-archive_${cohortId}_`), false);
    expect(files).toEqual([]);
    expect(texts).toHaveLength(2);
    expect(texts[0]![1].text).toBe(`「结业班」培训档案：本平台机器人不能发送文件，请管理员在控制台运行 cohort-bot export ${code} 档案 获取。`);
  });

  it('queues nothing twice when the job runs again', async () => {
    await cohortEndedJob.process({ cohortId }, deps, 'ended-2');
    expect(await queued(`cohort-ended_${cohortId}_`)).toHaveLength(2);
    expect(await queued(`cohort-ended-archive_${cohortId}_`)).toHaveLength(2);
  });
});
