import type { Middleware } from '../../pipeline/compose';
import { localDay } from '../../kernel/local-time';
import { clipText } from '../../kernel/privacy';
import { sessionForMarker } from '../cohorts';
import { QUESTION_POINTS_DETAIL } from './texts';

const QUESTION = /[?？]|请问|怎么|如何|为什么|为啥|能不能|可不可以|是不是|吗[。！!]?$|有没有/u;

/** True when a trainee's message reads as a question. */
export function looksLikeQuestion(text: string): boolean {
  return QUESTION.test(text.trim());
}

/** How long after a trainee's question a lecturer's plain message in the group counts as its answer. */
export const ANSWER_WINDOW_MINUTES = 10;

/**
 * Counts interaction in class (seed: 三(二) 学员的互动情况; (三)1 讲师积极回答学员问题):
 * trainees' questions (with points, capped per day) and lecturers' answers, per session when
 * one is on. An answer is a lecturer's reply that quotes or @mentions someone, or a plain
 * message in the group within ANSWER_WINDOW_MINUTES of a question not yet answered (lecturers
 * mostly just answer in the next message). The questions waiting are kept per group in this
 * process (a restart forgets them: at worst an answer is not counted).
 */
export function countInteraction(): Middleware {
  const waiting = new Map<string, number[]>();
  const windowMs = ANSWER_WINDOW_MINUTES * 60_000;
  /** Takes the oldest question of the group still within the window; true when there was one. */
  const takeWaiting = (group: string, at: number): boolean => {
    const open = (waiting.get(group) ?? []).filter((t) => at - t <= windowMs);
    const taken = open.shift() !== undefined;
    if (open.length > 0) waiting.set(group, open);
    else waiting.delete(group);
    return taken;
  };
  return async (ctx, next) => {
    const { event, deps, cohort } = ctx;
    if (event.type !== 'message' || !ctx.isGroup || !cohort || !event.text.trim()) return next();
    const question = ctx.roles.has('trainee') && looksLikeQuestion(event.text);
    const group = `${event.platform}:${event.conversation.id}`;
    const at = ctx.at.getTime();
    if (question) waiting.set(group, [...(waiting.get(group) ?? []).filter((t) => at - t <= windowMs), at]);
    const lecturer = !question && ctx.roles.has('lecturer');
    const addressed = event.quote !== undefined || event.mentions.some((m) => m.id !== deps.self().id);
    // An addressed reply answers too, and takes the oldest waiting question with it.
    const answer = lecturer && (takeWaiting(group, at) || addressed);
    // Ordinary chat that is neither reads nothing more: most group messages end here.
    if (!question && !answer) return next();
    const day = localDay(ctx.at, cohort.timezone);
    const session = sessionForMarker(await deps.stores.sessions.listByCohort(cohort.id), ctx.at);
    const base = { cohortId: cohort.id, platform: event.platform, userId: event.sender.id, name: event.sender.name, day, sessionId: session?.id, note: '', at: ctx.at };
    if (question) {
      const before = await deps.stores.activities.countOnDay(cohort.id, event.sender.id, 'question', day);
      const fresh = await deps.stores.activities.record({ ...base, kind: 'question', note: clipText(event.text, 60), sourceKey: `q:${event.id}` });
      if (fresh && before < deps.scoring.points.questionsPerDayCap) {
        await deps.stores.points.award({ ...base, points: deps.scoring.points.question, reason: 'question', detail: QUESTION_POINTS_DETAIL, sourceKey: `q:${event.id}` });
      }
    } else {
      await deps.stores.activities.record({ ...base, kind: 'answer', note: clipText(event.text, 60), sourceKey: `a:${event.id}` });
    }
    await next();
  };
}
