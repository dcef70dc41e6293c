import { z } from 'zod';
import { JobPayloadError } from './job-payload-error';

/** Retry and retention of one job type, in BullMQ's own terms (each enqueue adds the id and delay). */
export interface JobDefaults {
  attempts: number;
  backoff: { type: 'exponential' | 'fixed'; delay: number };
  removeOnComplete: { age: number };
  removeOnFail: { age: number };
}

/** One entry of the catalogue: what a job's data must look like and how it is retried and kept. */
export interface JobSpec {
  payload: z.ZodType;
  options: JobDefaults;
}

/** Finished jobs are kept this long, so a re-plan or re-enqueue with the same id does not run them again. */
const KEEP_SECONDS = 14 * 24 * 3600;

/** Retry and retention of planned work unless its entry says otherwise. */
export const DEFAULT_JOB_OPTIONS: JobDefaults = {
  attempts: 5,
  backoff: { type: 'exponential', delay: 5_000 },
  removeOnComplete: { age: KEEP_SECONDS },
  removeOnFail: { age: KEEP_SECONDS },
};

/** Robot deliveries retry sooner and once more: a robot's "not now" usually passes in seconds. */
const WEBHOOK_OPTIONS: JobDefaults = { ...DEFAULT_JOB_OPTIONS, attempts: 6, backoff: { type: 'exponential', delay: 2_000 } };

const objectId = z.string().regex(/^[a-f0-9]{24}$/);
const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const followUpWave = z.object({ cohortId: objectId, wave: z.number().int().positive() });
const homework = z.object({ homeworkId: objectId });
const survey = z.object({ surveyId: objectId });

/** A session as a reminder shows it (times in epoch milliseconds). */
const reminderSessionLine = z.object({
  title: z.string(),
  lecturerName: z.string(),
  startsAt: z.number().int(),
  endsAt: z.number().int(),
});

/**
 * What a reminder says and where, fixed when it is planned: the groups bound to the cohort and
 * the inputs of its text. Every change to them (timetable, binding, approval, cancellation)
 * plans the reminder again, replacing it (an evening-before reminder's job under its id, a
 * session reminder's entry in its minute's batch under its key); `version` is a digest of the
 * rest, so two plans of the same content are the same reminder. A reminder planned without it
 * (older jobs) reads what it needs when it fires.
 */
const reminderContent = {
  version: z.string().min(1),
  groups: z.array(z.string().min(1)),
  timezone: z.string().min(1),
  signInOpensMinutes: z.number().int().min(0),
  arriveEarlyMinutes: z.number().int().min(0),
};
const sessionReminderContent = z.object({ ...reminderContent, session: reminderSessionLine });
const dayReminderContent = z.object({ ...reminderContent, sessions: z.array(reminderSessionLine).min(1) });

/**
 * One session reminder in the batch of the instant it falls at (see 'remind-sessions'): the
 * session, how many minutes before its start, and what the reminder carries.
 */
export const sessionReminderEntry = z.object({ sessionId: objectId, minutes: z.number().int().positive(), content: sessionReminderContent });

/** What a session reminder carries so that firing it reads nothing. */
export type SessionReminderContent = z.infer<typeof sessionReminderContent>;
/** A session reminder as its minute's batch holds it. */
export type SessionReminderEntry = z.infer<typeof sessionReminderEntry>;
/** What an evening-before reminder carries so that firing it reads nothing. */
export type DayReminderContent = z.infer<typeof dayReminderContent>;
/** A session as a reminder's payload carries it. */
export type ReminderSessionLine = z.infer<typeof reminderSessionLine>;

/**
 * Every job on the work queue: its name, payload schema and default options. Producers (the
 * scheduler) and workers (jobs/) both read it, so a name or a payload shape is written once.
 * Job data never carries secrets (robot URLs and keys come from the worker's configuration).
 */
export const JOBS = {
  /** A session's end: absentees marked, the final board posted; after the last one the cohort ends. */
  'close-session': { payload: z.object({ sessionId: objectId }), options: DEFAULT_JOB_OPTIONS },
  /**
   * Every session reminder that falls at `at` (epoch milliseconds), of every cohort: one job per
   * such instant, whose entries (sessionReminderEntry) planners put in its batch and take out
   * again; it queues all their messages with one bulk add to the outbox.
   */
  'remind-sessions': { payload: z.object({ at: z.number().int() }), options: DEFAULT_JOB_OPTIONS },
  /** 30 and 5 minutes before a session: a reminder to the cohort's groups (planned as one job per reminder before 'remind-sessions'). */
  'remind-session': {
    payload: z.object({ sessionId: objectId, minutes: z.number().int().positive(), content: sessionReminderContent.optional() }),
    options: DEFAULT_JOB_OPTIONS,
  },
  /** The evening before a training day: tomorrow's sessions. */
  'remind-day': { payload: z.object({ cohortId: objectId, day: isoDay, content: dayReminderContent.optional() }), options: DEFAULT_JOB_OPTIONS },
  /** Before a homework deadline: non-submitters are reminded. */
  'remind-homework': { payload: homework, options: DEFAULT_JOB_OPTIONS },
  /** The morning after: the lecturer hears what is unreviewed. */
  'remind-review': { payload: homework, options: DEFAULT_JOB_OPTIONS },
  /** After a lecturer's last session: the survey about them opens. */
  'open-survey': { payload: z.object({ cohortId: objectId, lecturerName: z.string() }), options: DEFAULT_JOB_OPTIONS },
  /** Half way through a survey: one reminder to those who have not answered. */
  'remind-survey': { payload: survey, options: DEFAULT_JOB_OPTIONS },
  /** A survey closes: the lecturer's scorecard goes to staff. */
  'close-survey': { payload: survey, options: DEFAULT_JOB_OPTIONS },
  /** 30, 90 and 180 days after the end: one wave of follow-up visits opens. */
  'open-follow-up': { payload: followUpWave, options: DEFAULT_JOB_OPTIONS },
  /** Three days into a wave: one reminder to those who have not answered. */
  'remind-follow-up': { payload: followUpWave, options: DEFAULT_JOB_OPTIONS },
  /** A week into a wave: staff hear how it went. */
  'summarise-follow-up': { payload: followUpWave, options: DEFAULT_JOB_OPTIONS },
  /** After the last session: tiers, the outstanding list and the archive. */
  'cohort-ended': { payload: z.object({ cohortId: objectId }), options: DEFAULT_JOB_OPTIONS },
  /** Every day (a repeating job): each running cohort's digest; a day given runs that day only. */
  /**
   * `day`: that local day's digest (else each cohort's own today). `next`: plan the following
   * day's run at `time` in `tz` once this one is done (the daily chain of a simulated clock).
   */
  'daily-digest': {
    payload: z.object({ day: isoDay.optional(), next: z.object({ time: z.string().regex(/^\d{2}:\d{2}$/), tz: z.string() }).optional() }).default({}),
    options: DEFAULT_JOB_OPTIONS,
  },
  /**
   * One text to a robot webhook; `sentParts` is set by the job itself between the parts of a long text.
   * `image` (WeCom: a PNG as base64, sent before the text) and `imageUrl` with `title` (DingTalk: a
   * markdown message, `text` then being markdown, with the picture from the console on top) carry a card.
   */
  'deliver-webhook': {
    payload: z.object({
      channel: z.enum(['wecom', 'dingtalk']),
      text: z.string().min(1),
      image: z.string().min(1).optional(),
      imageUrl: z.string().url().optional(),
      title: z.string().optional(),
      sentParts: z.number().int().min(0).optional(),
    }),
    options: WEBHOOK_OPTIONS,
  },
} satisfies Record<string, JobSpec>;

/** The name of a job in the catalogue. */
export type JobName = keyof typeof JOBS;

/** What a producer passes for job `N` (before schema defaults are filled in). */
export type JobPayload<N extends JobName> = z.input<(typeof JOBS)[N]['payload']>;

/** What job `N`'s processor receives: the payload after validation and defaults. */
export type JobData<N extends JobName> = z.output<(typeof JOBS)[N]['payload']>;

/** Every catalogued job name, for checks that each one is handled. */
export const JOB_NAMES = Object.keys(JOBS) as JobName[];

/** True when `name` is a catalogued job (a queue may hold anything a stranger put there). */
export function isJobName(name: string): name is JobName {
  return Object.hasOwn(JOBS, name);
}

/** Validates `data` against job `name`'s schema; throws JobPayloadError with the reasons when it does not fit. */
export function parseJobPayload<N extends JobName>(name: N, data: unknown): JobData<N> {
  const schema: z.ZodType = JOBS[name].payload;
  const result = schema.safeParse(data);
  if (!result.success) throw new JobPayloadError(name, z.prettifyError(result.error));
  return result.data as JobData<N>;
}

/** Job `name`'s default retry and retention options (a copy: callers may adjust it). */
export function jobDefaults(name: JobName): JobDefaults {
  const { attempts, backoff, removeOnComplete, removeOnFail } = JOBS[name].options;
  return { attempts, backoff: { ...backoff }, removeOnComplete: { ...removeOnComplete }, removeOnFail: { ...removeOnFail } };
}
