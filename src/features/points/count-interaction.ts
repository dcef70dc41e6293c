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

/**
 * Counts interaction in class (seed: 三(二) 学员的互动情况; (三)1 讲师积极回答学员问题):
 * trainees' questions (with points, capped per day) and lecturers' answers (replies,
 * quotes or @mentions of a trainee), per session when one is on.
 */
export const countInteraction: Middleware = async (ctx, next) => {
  const { event, deps, cohort } = ctx;
  if (event.type !== 'message' || !ctx.isGroup || !cohort || !event.text.trim()) return next();
  const question = ctx.roles.has('trainee') && looksLikeQuestion(event.text);
  const answer = !question && ctx.roles.has('lecturer') && (event.quote !== undefined || event.mentions.some((m) => m.id !== deps.self().id));
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
