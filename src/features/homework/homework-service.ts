import { DateTime } from 'luxon';
import type { ScoringConfig } from '../../kernel/scoring-config';
import { AppError } from '../../kernel/app-error';
import type { ChatAttachment, ChatUser, Platform } from '../../platform/chat-event';
import type { Cohort } from '../../domain/types';
import type { Stores } from '../../stores/create-stores';
import type { Homework } from '../../domain/types';
import type { Submission } from '../../domain/types';
import { localDay, parseClock, parseLocalDate } from '../../kernel/local-time';
import { NO_HOMEWORK, nothingToReview, reviewPointsDetail } from './texts';

/**
 * Reads a deadline typed after 截止: `21:00` (today), `12-02 09:00`, `明天 09:00`. Without one
 * the deadline is the end of the training day. Returns null when it cannot be read.
 */
export function parseDeadline(text: string | undefined, at: Date, cohort: Pick<Cohort, 'timezone' | 'startDate'>): Date | null {
  const today = DateTime.fromJSDate(at, { zone: cohort.timezone }).startOf('day');
  if (!text) return today.endOf('day').startOf('minute').toJSDate();
  const parts = text.trim().split(/\s+/);
  let day = today;
  let clock = parts[0];
  if (parts.length === 2) {
    const [d, c] = parts as [string, string];
    clock = c;
    if (d === '明天') day = today.plus({ days: 1 });
    else if (d === '今天') day = today;
    else {
      const parsed = parseLocalDate(d, Number(cohort.startDate.slice(0, 4)));
      if (!parsed) return null;
      day = DateTime.fromISO(parsed, { zone: cohort.timezone });
    }
  } else if (parts.length !== 1) return null;
  const minutes = clock ? parseClock(clock) : null;
  if (minutes === null) return null;
  const deadline = day.plus({ minutes });
  return deadline.toMillis() > at.getTime() ? deadline.toJSDate() : null;
}

/** A lecturer assigns today's homework; a second one the same day is an addition (seq 2…). */
export async function assignHomework(
  stores: Stores,
  input: { cohort: Cohort; lecturer: ChatUser; content: string; deadline: Date; at: Date; eventId: string },
): Promise<{ homework: Homework; created: boolean }> {
  const assigned = await stores.homework.add({
    cohortId: input.cohort.id,
    day: localDay(input.at, input.cohort.timezone),
    content: input.content,
    deadline: input.deadline,
    assignedBy: input.lecturer.id,
    assignedByName: input.lecturer.name,
    assignedAt: input.at,
    sourceEventId: input.eventId,
  });
  // Its (empty) summary now, so the digest never has to build one from the raw versions.
  await stores.homeworkSummaries.record(assigned.homework.id, input.cohort.id, []);
  return assigned;
}

/** The homework a submission at `at` is for: the newest one assigned before it. */
export async function openHomework(stores: Stores, cohortId: string, at: Date): Promise<Homework | null> {
  const all = await stores.homework.listByCohort(cohortId);
  return all.filter((h) => h.assignedAt.getTime() <= at.getTime()).sort((a, b) => b.assignedAt.getTime() - a.assignedAt.getTime())[0] ?? null;
}

/**
 * Stores a submission (seed: 培训效果的维护 2): a new version each time, late after the
 * deadline; points for submitting and for being on time are paid once per homework.
 */
export async function submitHomework(
  stores: Stores,
  scoring: ScoringConfig,
  input: { cohort: Cohort; platform: Platform; user: ChatUser; text: string; images: ChatAttachment[]; at: Date; eventId: string },
): Promise<{ submission: Submission; homework: Homework; created: boolean }> {
  const homework = await openHomework(stores, input.cohort.id, input.at);
  if (!homework) throw new AppError('HOMEWORK_NONE', NO_HOMEWORK);
  const late = input.at.getTime() > homework.deadline.getTime();
  const { submission, created } = await stores.submissions.add({
    homeworkId: homework.id,
    cohortId: input.cohort.id,
    platform: input.platform,
    userId: input.user.id,
    name: input.user.name,
    text: input.text,
    imageIds: [],
    submittedAt: input.at,
    late,
    sourceEventId: input.eventId,
  });
  if (input.images.length > 0) await attachImages(stores, submission, input.images, input.eventId);
  const base = { cohortId: input.cohort.id, platform: input.platform, userId: input.user.id, name: input.user.name, at: input.at };
  await stores.points.award({ ...base, points: scoring.points.homeworkSubmitted, reason: 'homework_submitted', detail: homework.content.slice(0, 40), sourceKey: `hw:${homework.id}:${input.user.id}:submitted` });
  if (!late) {
    await stores.points.award({ ...base, points: scoring.points.homeworkOnTime, reason: 'homework_on_time', detail: homework.content.slice(0, 40), sourceKey: `hw:${homework.id}:${input.user.id}:on_time` });
  }
  return { submission: (await stores.submissions.findById(submission.id)) ?? submission, homework, created };
}

/** Keeps the bytes of the images and attaches them to a submission version. */
export async function attachImages(stores: Stores, submission: Submission, images: ChatAttachment[], eventId: string): Promise<string[]> {
  const ids: string[] = [];
  for (const [i, image] of images.entries()) {
    ids.push(await stores.images.put(`${eventId}:${i}`, image.name, await image.load(), image.mimeType));
  }
  await stores.submissions.addImages(submission.id, ids);
  return ids;
}

/** The newest submission of a trainee in a cohort (to attach a later image to). */
export async function latestSubmissionOf(stores: Stores, cohortId: string, platform: Platform, userId: string): Promise<Submission | null> {
  const all = (await stores.submissions.listByCohort(cohortId)).filter((s) => s.platform === platform && s.userId === userId);
  return all[all.length - 1] ?? null;
}

/**
 * A lecturer reviews a trainee's newest submission (the newest unreviewed one first); the
 * review's points are paid once per homework, a later re-review only changes the score.
 */
export async function reviewSubmission(
  stores: Stores,
  scoring: ScoringConfig,
  input: { cohort: Cohort; platform: Platform; lecturer: ChatUser; trainee: ChatUser; score: number; comment: string; at: Date },
): Promise<Submission> {
  const mine = (await stores.submissions.listByCohort(input.cohort.id)).filter((s) => s.platform === input.platform && s.userId === input.trainee.id);
  if (mine.length === 0) throw new AppError('REVIEW_NOTHING', nothingToReview(input.trainee.name));
  const latestByHomework = new Map<string, Submission>();
  for (const s of mine) latestByHomework.set(s.homeworkId, s);
  const latest = [...latestByHomework.values()];
  const target = latest.filter((s) => !s.review).pop() ?? latest[latest.length - 1]!;
  const reviewed = await stores.submissions.setReview(target.id, {
    score: input.score,
    comment: input.comment,
    reviewedBy: input.lecturer.id,
    reviewedAt: input.at,
  });
  await stores.points.award({
    cohortId: input.cohort.id,
    platform: input.platform,
    userId: input.trainee.id,
    name: target.name,
    points: Math.round(input.score * scoring.points.reviewScoreFactor * 10) / 10,
    reason: 'homework_review',
    detail: reviewPointsDetail(input.score),
    sourceKey: `hw:${target.homeworkId}:${input.trainee.id}:review`,
    at: input.at,
  });
  return reviewed ?? target;
}

/** Newest submissions per trainee and homework that have no review yet (the lecturer's queue). */
export async function reviewQueue(stores: Stores, cohortId: string): Promise<Submission[]> {
  const latest = new Map<string, Submission>();
  for (const s of await stores.submissions.listByCohort(cohortId)) latest.set(`${s.homeworkId}|${s.userId}`, s);
  return [...latest.values()].filter((s) => !s.review);
}
