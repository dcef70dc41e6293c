import { z } from 'zod';
import { defineCommand, type RawArgs } from '../../pipeline/command';
import { AppError } from '../../kernel/app-error';
import { formatDayTime } from '../../kernel/local-time';
import { ADDABLE_CATEGORIES } from './cohort-words';
import { WORDS_USAGE, wordAdded, wordListLines, wordLifted, wordRemoved, WORD_TOO_SHORT, wordCategoryUnknown } from './texts';

type Args = { action: 'list' } | { action: 'add'; word: string; category: (typeof ADDABLE_CATEGORIES)[number] } | { action: 'remove'; word: string };

const args = z.custom<RawArgs>().transform((raw, ctx): Args => {
  const [verb, word, category] = raw.tokens;
  if (verb === undefined) return { action: 'list' };
  const fail = (message: string) => {
    ctx.addIssue({ code: 'custom', message });
    return z.NEVER;
  };
  if (verb !== '添加' && verb !== '删除') return fail(WORDS_USAGE);
  if (!word) return fail(WORDS_USAGE);
  if (Array.from(word).length < 2) return fail(WORD_TOO_SHORT);
  if (verb === '删除') return { action: 'remove', word };
  const known = ADDABLE_CATEGORIES.find((c) => c === category);
  if (!known) return fail(wordCategoryUnknown(category));
  return { action: 'add', word, category: known };
});

/**
 * 敏感词 [添加 <词> <类别> | 删除 <词>]: a cohort's staff change what moderation acts on in their
 * cohort, in chat, effective at once: an added word is a sure hit of its category, a deleted
 * word (listed or added) raises nothing in this cohort. Every change keeps who and when.
 */
export const wordListCommand = defineCommand({
  name: '敏感词',
  aliases: ['words'],
  summary: '查看或修改本班的敏感词：添加 <词> <类别>，删除 <词>',
  usage: '#敏感词 ｜ #敏感词 添加 <词> <类别> ｜ #敏感词 删除 <词>',
  examples: ['#敏感词 添加 上车群 广告'],
  allowed: ['staff'],
  where: 'any',
  needsCohort: true,
  args,
  async handle(ctx, a) {
    const { stores } = ctx.deps;
    const cohort = ctx.cohort;
    const by = ctx.event.sender.id;
    if (a.action === 'list') {
      const words = (await stores.cohortWords.list(cohort.id)).filter((w) => w.op !== 'off');
      await ctx.reply(wordListLines(cohort.name, words.map((w) => ({ word: w.word, op: w.op as 'add' | 'lift', category: w.category, at: formatDayTime(w.at, cohort.timezone) }))));
      return;
    }
    if (a.action === 'add') {
      await stores.cohortWords.set(cohort.id, { word: a.word, op: 'add', category: a.category, by, at: ctx.now });
      ctx.log.info({ cohortId: cohort.id, op: 'add', category: a.category }, 'cohort word list changed');
      await ctx.reply(wordAdded(a.word, a.category));
      return;
    }
    const current = (await stores.cohortWords.list(cohort.id)).find((w) => w.word === a.word);
    if (current?.op === 'lift') throw new AppError('WORD_ALREADY_LIFTED', wordLifted(a.word));
    const op = current?.op === 'add' ? 'off' : 'lift';
    await stores.cohortWords.set(cohort.id, { word: a.word, op, category: '', by, at: ctx.now });
    ctx.log.info({ cohortId: cohort.id, op }, 'cohort word list changed');
    await ctx.reply(op === 'off' ? wordRemoved(a.word) : wordLifted(a.word));
  },
});
