import { PassThrough } from 'node:stream';
import { dailyDigestJob } from '../../jobs/daily-digest.job';
import type { JobDeps } from '../../jobs/job-definition';
import { runJobsCommand } from '../../bots/jobs-command';
import { Outbox } from '../../src/queue/outbox';
import { createRedis } from '../../src/queue/redis-connection';
import type { BullmqScheduler } from '../../src/queue/bullmq-scheduler';
import { stageDigestCohort } from '../support/digest-cohort';
import { startPipeline, type Pipeline } from '../support/pipeline';
import { testLog } from '../support/test-bot';

describe('the daily digest job', () => {
  let p: Pipeline;
  let outbox: Outbox;
  const redis = createRedis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
  const admin = { id: 'u-admin', name: '办公室' };
  const staff = { id: 'u-staff', name: '刘干事' };
  const trainee = { id: 'u-t1', name: '学员甲' };
  const group = 'digest@chatroom';
  let deps: JobDeps;

  beforeAll(async () => {
    p = await startPipeline('dailydigest', { ADMIN_IDS: admin.id });
    outbox = new Outbox(redis, p.deps.config.QUEUE_PREFIX);
    await stageDigestCohort(p, { admin, staff, trainee }, group, '日报班');
    const scheduler = p.deps.scheduler as BullmqScheduler;
    deps = { stores: p.deps.stores, scoring: p.deps.scoring, adminIds: [admin.id], workQueue: scheduler.queue, clock: p.clock, log: testLog, outbox, scheduler };
  });

  afterAll(async () => {
    await outbox.queue.obliterate({ force: true }).catch(() => undefined);
    await outbox.close();
    redis.disconnect();
    await p?.stop();
  });

  it('sends each running cohort’s digest privately to its staff and the administrators, once', async () => {
    await dailyDigestJob.process({}, deps, 'run-1');
    await dailyDigestJob.process({}, deps, 'run-2');
    const jobs = await outbox.queue.getJobs(['waiting', 'delayed', 'active', 'completed']);
    const recipients = jobs.map((j) => (j.data as { target: { id: string } }).target.id).sort();
    expect(recipients).toEqual([admin.id, staff.id].sort());
    const text = (jobs[0]!.data as { text: string }).text;
    expect(text).toContain('「日报班」');
    expect(text).toContain('出勤');
    expect(text).toContain('1/1');
  });

  it('leads with what needs attention and stays on one phone screen, pointing to #导出 for the rest', async () => {
    const jobs = await outbox.queue.getJobs(['waiting', 'delayed', 'active', 'completed']);
    const lines = (jobs[0]!.data as { text: string }).text.split('\n');
    // One 3-hour session and no homework on a training day: short hours and no homework are today's issues.
    expect(lines[0]).toBe('⚠️ 需处理：今天没有布置作业、授课不足 6 小时');
    expect(lines[1]).toMatch(/^📊「日报班」日报 03-01/);
    expect(lines.length).toBeLessThanOrEqual(12);
    expect(lines[lines.length - 1]).toContain('#导出');
  });

  it('skips cohorts outside their training period', async () => {
    p.clock.set(new Date('2027-03-05T20:30:00+08:00'));
    expect(await dailyDigestJob.process({}, deps, 'run-3')).toEqual({ cohorts: [] });
  });

  it('shows the queues to the operator', async () => {
    const out = new PassThrough();
    let text = '';
    out.on('data', (d: Buffer) => (text += d.toString()));
    const env = { MONGODB_URI: p.deps.config.MONGODB_URI, REDIS_URL: p.deps.config.REDIS_URL, QUEUE_PREFIX: p.deps.config.QUEUE_PREFIX };
    expect(await runJobsCommand([], { env, out })).toBe(0);
    expect(text).toMatch(/^work: waiting \d+ · delayed \d+ · active \d+ · failed \d+ · completed \d+$/m);
    expect(text).toMatch(/^outbox: waiting 2 /m);
    expect(text).toContain('next: remind-session');
  });
});
