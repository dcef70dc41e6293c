import type { LecturerDetails } from '../../domain/types';
import type { Stores } from '../../stores/create-stores';

/**
 * The recorded profile (讲师资料) of the lecturer a timetable names: the cohort's lecturer whose
 * display name is that name (active or gone). Undefined when no such lecturer or no profile,
 * so the tier says the profile is missing rather than guessing.
 */
export async function lecturerDetailsOf(stores: Stores, cohortId: string, lecturerName: string): Promise<LecturerDetails | undefined> {
  if (!lecturerName) return undefined;
  const named = await stores.members.listNamed(cohortId, lecturerName);
  return named.find((m) => m.roles.includes('lecturer') && m.lecturerDetails)?.lecturerDetails;
}
