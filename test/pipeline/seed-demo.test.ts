import { PassThrough } from 'node:stream';
import { runSeedDemoCommand } from '../../bots/seed-demo-command';
import { startPipeline, type Pipeline } from '../support/pipeline';

describe('cohort-bot seed-demo', () => {
  let p: Pipeline;

  beforeAll(async () => {
    p = await startPipeline('seeddemo');
  });

  afterAll(async () => {
    await p?.stop();
  });

  it('creates an approved demo cohort bound to the given group, with trainees and a timetable', async () => {
    const out = new PassThrough();
    let text = '';
    out.on('data', (d: Buffer) => (text += d.toString()));
    const env = { MONGODB_URI: p.deps.config.MONGODB_URI, ADMIN_IDS: 'u-admin' };
    expect(await runSeedDemoCommand(['--trainees', '12', '--group', 'demo@chatroom'], { env, out })).toBe(0);
    const code = /demo cohort ([A-Z0-9]{6})/.exec(text)![1]!;
    const cohort = (await p.deps.stores.cohorts.findByCode(code))!;
    expect(cohort.plan.status).toBe('approved');
    expect(await p.deps.stores.members.listWithRole(cohort.id, 'trainee')).toHaveLength(12);
    expect(await p.deps.stores.sessions.listByCohort(cohort.id)).toHaveLength(4);
    expect((await p.deps.stores.bindings.findByGroup('wechaty', 'demo@chatroom'))?.cohortId).toBe(cohort.id);
    const replies = await p.say({ id: 'u-admin', name: '办公室' }, '#课表', 'demo@chatroom');
    expect(replies[0]!.message.text).toContain('开店与选品');
  });
});
