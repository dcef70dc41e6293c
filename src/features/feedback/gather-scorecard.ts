import type { Stores } from '../../stores/create-stores';
import type { ScorecardInput } from './scorecard';
import { scorecardAttendance } from './scorecard-attendance';
import { lecturerDetailsOf } from './lecturer-profile-service';
import { hoursByDay } from '../cohorts';
import { maskPhonesInText } from '../../kernel/privacy';

/**
 * Gathers a lecturer's scorecard input from the stores (SPEC §3.5): the lecturer's sessions
 * and days, hours taught, homework assigned on those days with submissions and first review,
 * trainee questions and lecturer answers, attendance per day (`scorecardAttendance`: approved
 * leave taken out of the sessions it covers), the survey's satisfaction answers, and the
 * lecturer's recorded profile (讲师资料) for the tier.
 */
export async function gatherScorecardInput(stores: Stores, cohortId: string, lecturerName: string, surveyId?: string): Promise<ScorecardInput | null> {
  const cohort = await stores.cohorts.findById(cohortId);
  if (!cohort) return null;
  const all = await stores.sessions.listByCohort(cohortId);
  const sessions = all.filter((s) => s.lecturerName === lecturerName);
  const days = [...new Set(sessions.map((s) => s.day))].sort();
  const [homework, submissions, activities, trainees, attendance, leave] = await Promise.all([
    stores.homework.listByCohort(cohortId),
    stores.submissions.listByCohort(cohortId),
    stores.activities.list(cohortId),
    stores.members.listWithRole(cohortId, 'trainee'),
    stores.attendance.listByCohort(cohortId),
    stores.leave.listByCohort(cohortId, 'approved'),
  ]);
  const onDays = (d: string) => days.includes(d);
  const scorecardHomework = homework
    .filter((h) => onDays(h.day))
    .map((h) => {
      const latest = new Map<string, (typeof submissions)[number]>();
      for (const s of submissions.filter((x) => x.homeworkId === h.id)) latest.set(s.userId, s);
      const versions = [...latest.values()];
      const reviewTimes = submissions.filter((x) => x.homeworkId === h.id && x.review).map((x) => x.review!.reviewedAt.getTime());
      return {
        id: h.id,
        day: h.day,
        // Masked before it is cut, so no partial phone number shows.
        title: maskPhonesInText(h.content).slice(0, 20),
        submissions: versions.length,
        reviewedSubmissions: versions.filter((s) => s.review).length,
        reviewedAt: reviewTimes.length ? new Date(Math.min(...reviewTimes)) : undefined,
      };
    });
  const inLecturerSessions = (a: { sessionId?: string; day: string }) => (a.sessionId ? sessions.some((s) => s.id === a.sessionId) : onDays(a.day));
  const asked = activities.filter((a) => a.kind === 'question' && inLecturerSessions(a)).length;
  const answered = activities.filter((a) => a.kind === 'answer' && inLecturerSessions(a)).length;
  const satisfaction = surveyId ? (await stores.surveys.responsesOf(surveyId)).map((r) => r.satisfaction) : [];
  const lecturerDetails = await lecturerDetailsOf(stores, cohortId, lecturerName);
  return {
    lecturerName,
    cohort: { name: cohort.name, code: cohort.code, startDate: cohort.startDate, timezone: cohort.timezone },
    trainingDays: days,
    hours: hoursByDay(sessions),
    timetableFirstProvidedAt: cohort.timetableFirstProvidedAt,
    homework: scorecardHomework,
    sessions: sessions.map((s) => ({ id: s.id, day: s.day, title: s.title, startsAt: s.startsAt, endsAt: s.endsAt, actualStart: s.actualStart, actualEnd: s.actualEnd, cancelled: s.cancelled })),
    questions: { asked, answered: Math.min(asked, answered) },
    attendance: scorecardAttendance(days, { sessions: all, trainees, attendance, leave }),
    satisfactionScores: satisfaction,
    ...(lecturerDetails ? { lecturerDetails } : {}),
  };
}
