import type { FollowUp } from '../../domain/types';

// Names and platforms in pinyin order, as staff lists are read; the store's order is not a promise.
const PINYIN_ORDER = new Intl.Collator('zh-Hans-CN-u-co-pinyin');

/** One wave of a cohort's follow-up visits, answered or not, as the summary needs them. */
export interface FollowUpSummaryInput {
  cohortName: string;
  wave: number;
  visits: readonly FollowUp[];
}

/** One trainee's answer in a line: shop, platforms, sales and help, only what they said. */
function answerLine(v: FollowUp): string {
  const parts = [
    v.openedShop === true ? '已开店' : v.openedShop === false ? '未开店' : null,
    v.shopPlatform ? `平台 ${v.shopPlatform}` : null,
    v.monthlySalesYuan !== undefined ? `月销 ${v.monthlySalesYuan} 元` : null,
    v.needsHelp ? `需要 ${v.needsHelp}` : null,
  ].filter((p): p is string => p !== null);
  return `· ${v.name}：${parts.length > 0 ? parts.join('，') : (v.answerText ?? '')}`;
}

/**
 * The summary staff receive a week after a follow-up wave opens (SPEC §3.8, 回访登记): how many
 * answered, shops opened, the platforms they sell on, total monthly sales, each answer with
 * everything the trainee reported (so no platform or request for help is lost in a total), and
 * who has not answered; names in pinyin order.
 */
export function renderFollowUpSummary({ cohortName, wave, visits }: FollowUpSummaryInput): string {
  const byName = [...visits].sort((a, b) => PINYIN_ORDER.compare(a.name, b.name));
  const answered = byName.filter((v) => v.answeredAt);
  const opened = answered.filter((v) => v.openedShop === true).length;
  const notOpened = answered.filter((v) => v.openedShop === false).length;
  const sales = answered.reduce((sum, v) => sum + (v.monthlySalesYuan ?? 0), 0);
  const byPlatform = new Map<string, number>();
  for (const v of answered) {
    for (const p of v.shopPlatform?.split('、') ?? []) byPlatform.set(p, (byPlatform.get(p) ?? 0) + 1);
  }
  const platforms = [...byPlatform].sort((a, b) => b[1] - a[1] || PINYIN_ORDER.compare(a[0], b[0])).map(([p, n]) => `${p} ${n} 人`);
  const silent = byName.filter((v) => !v.answeredAt).map((v) => v.name);
  return [
    `「${cohortName}」结业 ${wave} 天回访小结`,
    `回复 ${answered.length}/${visits.length} 人，已开店 ${opened} 人，未开店 ${notOpened} 人，月销售合计 ${sales} 元`,
    ...(platforms.length > 0 ? [`开店平台：${platforms.join('，')}`] : []),
    ...(answered.length > 0 ? ['各人回复：', ...answered.map(answerLine)] : []),
    ...(silent.length > 0 ? [`未回复：${silent.join('、')}`] : []),
  ].join('\n');
}
