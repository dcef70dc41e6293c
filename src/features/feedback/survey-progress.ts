import type { Stores } from '../../stores/create-stores';

/** Survey and follow-up progress of a cohort, for the digest (SPEC §3.9). */
export async function surveyProgress(stores: Stores, cohortId: string): Promise<{ surveys: { sent: number; answered: number }; followUps: { due: number; answered: number } }> {
  const surveys = await stores.surveys.listByCohort(cohortId);
  let sent = 0;
  let answered = 0;
  for (const s of surveys) {
    sent += s.invited.length;
    answered += (await stores.surveys.responsesOf(s.id)).length;
  }
  const visits = await stores.followUps.listByCohort(cohortId);
  return { surveys: { sent, answered }, followUps: { due: visits.length, answered: visits.filter((v) => v.answeredAt).length } };
}
