import { PassThrough } from 'node:stream';
import { DateTime } from 'luxon';
import { runSeedDemoCommand } from '../../bots/seed-demo-command';
import { startPipeline, type Pipeline } from '../support/pipeline';

describe('cohort-bot seed-demo', () => {
  let p: Pipeline;

  beforeAll(async () => {
    p = await startPipeline('seeddemo');
  });

  afterAll(async () => {
    if (p) for (const id of await p.deps.scheduler.plannedIds('remind-sessions_')) await p.deps.scheduler.clearBatch(id);
    await p?.stop();
  });

  it('creates an approved demo cohort bound to the given group, with trainees, a timetable and its jobs planned', async () => {
    const out = new PassThrough();
    let text = '';
    out.on('data', (d: Buffer) => (text += d.toString()));
    const { MONGODB_URI, REDIS_URL, QUEUE_PREFIX } = p.deps.config;
    // 08:00 today: all four sessions of the two days are still ahead.
    const morning = DateTime.now().setZone('Asia/Shanghai').startOf('day').plus({ hours: 8 }).toUTC().toISO();
    const env = { MONGODB_URI, REDIS_URL, QUEUE_PREFIX, BOT_PLATFORM: 'wechaty', SIMULATED_CLOCK: `${morning}@${Date.now()}x1`, ADMIN_IDS: 'u-admin' };
    expect(await runSeedDemoCommand(['--trainees', '12', '--group', 'demo@chatroom'], { env, out })).toBe(0);
    const code = /demo cohort ([A-Z0-9]{6})/.exec(text)![1]!;
    const cohort = (await p.deps.stores.cohorts.findByCode(code))!;
    expect(cohort.plan.status).toBe('approved');
    expect(await p.deps.stores.members.listWithRole(cohort.id, 'trainee')).toHaveLength(12);
    expect(await p.deps.stores.sessions.listByCohort(cohort.id)).toHaveLength(4);
    expect((await p.deps.stores.bindings.findByGroup('wechaty', 'demo@chatroom'))?.cohortId).toBe(cohort.id);
    // Planned as an approval plans them: each session's closing and reminders, the evening before day two, the survey.
    const sessions = await p.deps.stores.sessions.listByCohort(cohort.id);
    const planned = await p.deps.scheduler.plannedIds('');
    for (const s of sessions) expect(planned).toContain(`close-session_${s.id}_${s.endsAt.getTime()}`);
    const reminders = await Promise.all(planned.filter((id) => id.startsWith('remind-sessions_')).map((id) => p.deps.scheduler.readBatch(id)));
    expect(reminders.flatMap((batch) => [...batch.keys()]).sort()).toEqual(sessions.flatMap((s) => [`${s.id}_30`, `${s.id}_5`]).sort());
    expect(planned.some((id) => id.startsWith(`remind-day_${cohort.id}_`))).toBe(true);
    expect(planned.some((id) => id.startsWith(`open-survey_${cohort.id}_`))).toBe(true);
    expect(text).toContain('jobs planned');
    const replies = await p.say({ id: 'u-admin', name: '办公室' }, '#课表', 'demo@chatroom');
    expect(replies[0]!.message.text).toContain('开店与选品');
  });
});
