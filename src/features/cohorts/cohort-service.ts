import type { BotDeps } from '../../pipeline/bot-deps';
import type { ChatUser, Platform } from '../../platform/chat-event';
import type { Cohort } from '../../domain/types';
import { replanCohortJobs } from './session-planner';

/**
 * Binds a group to a cohort, plans the cohort's reminders again so they go to this group too
 * (and those of the cohort the group leaves, so they no longer do), and enrols its current members as trainees, leaving out the
 * bot, administrators, people who already hold a role, and members named like a lecturer of
 * the timetable (returned as `lecturerLike`, for staff to confirm with 授权).
 */
export async function bindGroup(
  deps: Pick<BotDeps, 'stores' | 'config' | 'self' | 'outbound' | 'scheduler'>,
  input: { cohort: Cohort; platform: Platform; group: { id: string; title: string }; by: string; at: Date },
): Promise<{ enrolled: number; newTrainees: ChatUser[]; lecturerLike: ChatUser[] }> {
  const { stores } = deps;
  const previous = await stores.bindings.findByGroup(input.platform, input.group.id);
  await stores.bindings.bind({ platform: input.platform, groupId: input.group.id, cohortId: input.cohort.id, title: input.group.title, boundBy: input.by });
  await replanCohortJobs(stores, deps.scheduler, input.cohort);
  if (previous && previous.cohortId !== input.cohort.id) {
    const left = await stores.cohorts.findById(previous.cohortId);
    if (left) await replanCohortJobs(stores, deps.scheduler, left);
  }
  const { listMembers } = deps.outbound;
  if (!listMembers) return { enrolled: (await stores.members.listWithRole(input.cohort.id, 'trainee')).length, newTrainees: [], lecturerLike: [] };
  const members = await listMembers(input.group.id);
  const selfId = deps.self().id;
  const lecturers = [...new Set((await stores.sessions.listByCohort(input.cohort.id)).map((s) => s.lecturerName).filter((n) => n !== ''))];
  const candidates: ChatUser[] = [];
  const lecturerLike: ChatUser[] = [];
  for (const m of members) {
    if (m.id === selfId || deps.config.ADMIN_IDS.includes(m.id) || (await stores.admins.isAdmin(input.platform, m.id))) continue;
    const existing = await stores.members.find(input.cohort.id, input.platform, m.id);
    if (existing && existing.roles.length > 0) continue;
    // A member named like a lecturer of the timetable is not made a trainee (and never shows as 未签到); staff confirm with 授权.
    if (lecturers.some((l) => namesMatch(m.name, l))) lecturerLike.push(m);
    else candidates.push(m);
  }
  await stores.members.enrolTrainees(input.cohort.id, input.platform, candidates, input.at);
  return { enrolled: (await stores.members.listWithRole(input.cohort.id, 'trainee')).length, newTrainees: candidates, lecturerLike };
}

/** A group nickname and a timetable lecturer name for the same person: equal, or one inside the other (张老师, 张伟老师, 讲师张伟). */
function namesMatch(nickname: string, lecturer: string): boolean {
  const a = nickname.replace(/\s+/gu, '');
  const b = lecturer.replace(/\s+/gu, '');
  return a.length > 0 && b.length > 0 && (a === b || (b.length >= 2 && a.includes(b)) || (a.length >= 2 && b.includes(a)));
}
