import { closeSessionJob } from './close-session.job';
import { cohortEndedJob } from './cohort-ended.job';
import { dailyDigestJob } from './daily-digest.job';
import { openFollowUpJob, remindFollowUpJob, summariseFollowUpJob } from './follow-up.job';
import { closeSurveyJob, openSurveyJob, remindSurveyJob } from './survey.job';
import { deliverWebhookJob } from './deliver-webhook.job';
import type { JobDefinition } from './job-definition';
import { remindDayJob } from './remind-day.job';
import { remindHomeworkJob, remindReviewJob } from './remind-homework.job';
import { remindSessionJob } from './remind-session.job';

/** Every job type the workers run, by name. */
export const jobRegistry: ReadonlyMap<string, JobDefinition> = new Map(
  [closeSessionJob, remindSessionJob, remindDayJob, remindHomeworkJob, remindReviewJob, deliverWebhookJob, dailyDigestJob, openSurveyJob, remindSurveyJob, closeSurveyJob, openFollowUpJob, remindFollowUpJob, summariseFollowUpJob, cohortEndedJob].map((j) => [j.name, j]),
);
