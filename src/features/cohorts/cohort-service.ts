import type { BotDeps } from '../../pipeline/bot-deps';
import type { Platform } from '../../platform/chat-event';
import type { Cohort } from '../../domain/types';

/**
 * Binds a group to a cohort and enrols its current members as trainees, leaving out the
 * bot, administrators and people who already hold staff or lecturer roles.
 */
export async function bindGroup(
  deps: Pick<BotDeps, 'stores' | 'config' | 'self' | 'outbound'>,
  input: { cohort: Cohort; platform: Platform; group: { id: string; title: string }; by: string; at: Date },
): Promise<{ enrolled: number }> {
  const { stores } = deps;
  await stores.bindings.bind({ platform: input.platform, groupId: input.group.id, cohortId: input.cohort.id, title: input.group.title, boundBy: input.by });
  const { listMembers } = deps.outbound;
  if (!listMembers) return { enrolled: (await stores.members.listWithRole(input.cohort.id, 'trainee')).length };
  const members = await listMembers(input.group.id);
  const selfId = deps.self().id;
  const candidates = [];
  for (const m of members) {
    if (m.id === selfId || deps.config.ADMIN_IDS.includes(m.id) || (await stores.admins.isAdmin(input.platform, m.id))) continue;
    const existing = await stores.members.find(input.cohort.id, input.platform, m.id);
    if (existing && (existing.roles.includes('staff') || existing.roles.includes('lecturer'))) continue;
    candidates.push(m);
  }
  await stores.members.enrolTrainees(input.cohort.id, input.platform, candidates, input.at);
  return { enrolled: (await stores.members.listWithRole(input.cohort.id, 'trainee')).length };
}
