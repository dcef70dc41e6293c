import type { Role } from '../domain/types';
import type { Platform } from '../platform/chat-event';
import type { ConsoleDeps } from './console-deps';

/** The signed-in person as the console sees them: administrator or not, and their roles per cohort. */
export interface Viewer {
  platform: Platform;
  userId: string;
  name: string;
  isAdmin: boolean;
  /** Roles per cohort id, from the same member table the chat reads. */
  roles: Map<string, Set<Role>>;
}

/**
 * Reads a person's rights the way the chat does (pipeline/middleware/resolve-cohort): ADMIN_IDS
 * and claimed administrators hold staff and office rights everywhere; everyone else has the
 * roles their memberships give them, cohort by cohort.
 */
export async function loadViewer(deps: Pick<ConsoleDeps, 'config' | 'stores'>, who: { platform: Platform; userId: string }): Promise<Viewer> {
  const { config, stores } = deps;
  const isAdmin = config.ADMIN_IDS.includes(who.userId) || (await stores.admins.isAdmin(who.platform, who.userId));
  const memberships = await stores.members.listForUser(who.platform, who.userId);
  const roles = new Map<string, Set<Role>>();
  for (const m of memberships) if (m.active) roles.set(m.cohortId, new Set(m.roles));
  return { ...who, name: memberships[0]?.name ?? '', isAdmin, roles };
}

/** The viewer's roles in one cohort; an administrator also holds staff and office there. */
export function rolesIn(viewer: Viewer, cohortId: string): Set<Role> {
  const roles = new Set(viewer.roles.get(cohortId) ?? []);
  if (viewer.isAdmin) {
    roles.add('staff');
    roles.add('office');
  }
  return roles;
}

/** Whether the viewer may open this cohort's pages: its staff or office, or an administrator. */
export function managesCohort(viewer: Viewer, cohortId: string): boolean {
  const roles = rolesIn(viewer, cohortId);
  return roles.has('staff') || roles.has('office');
}

/** Whether the viewer may see the job queues: administrators and staff. */
export function seesJobs(viewer: Viewer): boolean {
  return viewer.isAdmin || [...viewer.roles.values()].some((r) => r.has('staff'));
}
