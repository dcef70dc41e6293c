/** A cohort ready for its 03-01 digest, staged through chat as staff would stage it. */
import type { ChatUser } from '../../src/platform/chat-event';
import type { Pipeline } from './pipeline';

/**
 * Creates and binds cohort `name` (2027-03-01 to 03-02) in `group`, with `staff` and `trainee`,
 * one session 03-01 09:00-12:00 and an approved plan; the trainee signs in at 08:45 and the
 * clock is left at 20:30 that day, the digest's time.
 */
export async function stageDigestCohort(p: Pipeline, people: { admin: ChatUser; staff: ChatUser; trainee: ChatUser }, group: string, name: string): Promise<void> {
  const { admin, staff, trainee } = people;
  p.clock.set(new Date('2027-03-01T08:45:00+08:00'));
  const code = /班级码：([A-Z0-9]{6})/.exec((await p.say(admin, `#新建班级 ${name} 2027-03-01 2027-03-02`, group))[0]!.message.text)![1]!;
  await p.say(admin, `#绑定 ${code}`, group);
  const cohort = (await p.deps.stores.cohorts.findByCode(code))!;
  await p.deps.stores.members.setRole(cohort.id, 'wechaty', staff, 'staff', p.clock.now());
  await p.deps.stores.members.setRole(cohort.id, 'wechaty', trainee, 'trainee', p.clock.now());
  await p.say(admin, '#课表\n03-01 09:00-12:00 开店', group);
  await p.say(admin, '#提交方案', group);
  await p.say(admin, `#批准 ${code}`, group);
  await p.say(trainee, '签到', group);
  p.clock.set(new Date('2027-03-01T20:30:00+08:00'));
}
