import { closeSessionJob } from './close-session.job';
import { cohortEndedJob } from './cohort-ended.job';
import { dailyDigestJob } from './daily-digest.job';
import { openFollowUpJob, remindFollowUpJob, summariseFollowUpJob } from './follow-up.job';
import { closeSurveyJob, openSurveyJob, remindSurveyJob } from './survey.job';
import { deliverWebhookJob } from './deliver-webhook.job';
import type { JobDefinition } from './job-definition';
import type { JobName } from '../src/queue/job-catalogue';
import { remindDayJob } from './remind-day.job';
import { remindHomeworkJob, remindReviewJob } from './remind-homework.job';
import { remindSessionJob } from './remind-session.job';
import { remindSessionsJob } from './remind-sessions.job';

/** The processor of every catalogued job, by name; the type makes a job without one a compile error. */
const processors: { [N in JobName]: JobDefinition<N> } = {
  'close-session': closeSessionJob,
  'remind-sessions': remindSessionsJob,
  'remind-session': remindSessionJob,
  'remind-day': remindDayJob,
  'remind-homework': remindHomeworkJob,
  'remind-review': remindReviewJob,
  'open-survey': openSurveyJob,
  'remind-survey': remindSurveyJob,
  'close-survey': closeSurveyJob,
  'open-follow-up': openFollowUpJob,
  'remind-follow-up': remindFollowUpJob,
  'summarise-follow-up': summariseFollowUpJob,
  'cohort-ended': cohortEndedJob,
  'daily-digest': dailyDigestJob,
  'deliver-webhook': deliverWebhookJob,
};

/** Every job type the workers run, by name: one processor per catalogue entry. */
export const jobRegistry: ReadonlyMap<string, JobDefinition> = new Map(Object.values(processors).map((j) => [j.name, j]));
