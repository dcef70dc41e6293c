import type { ChatUser } from '../../src/platform/chat-event';
import { makeCohortCode } from '../../src/features/cohorts/cohort-code';
import { startPipeline, type Pipeline } from '../support/pipeline';

/** 帮助 shows a command summary that depends on the cohort's settings with the sender's cohort's minutes. */
describe('帮助 with the cohort settings (SPEC §3.1: sign-in opening and arrive-early minutes are configurable)', () => {
  let p: Pipeline;
  const admin: ChatUser = { id: 'u-admin', name: '办公室主任' };
  const trainee: ChatUser = { id: 'u-trainee', name: '学员甲' };
  const stranger: ChatUser = { id: 'u-stranger', name: '路人' };
  const group = 'room-help@chatroom';

  beforeAll(async () => {
    p = await startPipeline('helpsettings', { ADMIN_IDS: admin.id });
    p.clock.set(new Date('2027-03-01T08:00:00+08:00'));
    const cohort = await p.deps.stores.cohorts.create(
      { name: '设置测试班', startDate: '2027-03-01', endDate: '2027-03-05', location: '', timezone: 'Asia/Shanghai', createdBy: admin.id, settings: { signInOpensMinutes: 20, arriveEarlyMinutes: 10 } },
      makeCohortCode,
    );
    await p.say(admin, `#绑定 ${cohort.code}`, group);
    await p.deps.stores.members.setRole(cohort.id, 'wechaty', trainee, 'trainee', p.clock.now());
  });

  afterAll(async () => {
    await p?.stop();
  });

  it('in a group whose cohort opens sign-in 20 minutes before and wants trainees 10 minutes early, 帮助 says so', async () => {
    const [reply] = await p.say(trainee, '#帮助', group);
    const line = reply!.message.text.split('\n').find((l) => l.startsWith('#签到 '));
    expect(line).toBe('#签到 — 上课签到（开课前 20 分钟开放，提前 10 分钟到场为准时）');
  });

  it('帮助 签到 in that group gives the same minutes', async () => {
    const [reply] = await p.say(trainee, '#帮助 签到', group);
    expect(reply!.message.text.split('\n')[0]).toBe('#签到（/checkin）：上课签到（开课前 20 分钟开放，提前 10 分钟到场为准时）');
  });

  it('someone in no cohort sees the default minutes', async () => {
    const [reply] = await p.say(stranger, '#帮助 签到', null);
    expect(reply!.message.text.split('\n')[0]).toBe('#签到（/checkin）：上课签到（开课前 30 分钟开放，提前 5 分钟到场为准时）');
  });
});
