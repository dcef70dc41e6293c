/** Product moderation category: the seven banned kinds of the rules plus two catch-alls for noisy source lists. */
export type ModerationCategory = '政治' | '色情' | '赌博' | '毒品' | '暴恐' | '辱骂' | '广告' | '违法犯罪' | '未分类';

/** Categories the group rules ban outright (§3.7); these flag on every detection layer. */
export const BANNED_CATEGORIES: readonly ModerationCategory[] = ['政治', '暴恐', '毒品', '赌博', '色情', '辱骂', '广告'];

/** Broad source categories full of everyday words; they flag only on strict, exact hits. */
export const BROAD_CATEGORIES: readonly ModerationCategory[] = ['违法犯罪', '未分类'];

const ALIASES: ReadonlyArray<readonly [RegExp, ModerationCategory]> = [
  [/政治|反动|邪教|politic/i, '政治'],
  [/色情|porn|sex/i, '色情'],
  [/赌博|gambl/i, '赌博'],
  [/毒品|drug/i, '毒品'],
  [/暴恐|暴力|恐怖|涉枪|涉爆|terror|violen/i, '暴恐'],
  [/辱骂|insult|abuse/i, '辱骂'],
  [/广告|招揽|ads?\b|advert|solicit|spam/i, '广告'],
  [/违法|犯罪|illegal|crime/i, '违法犯罪'],
];

/** Map a source category name (or a word-list file name) to a product category; unknown → 未分类. */
export function toModerationCategory(raw: string): ModerationCategory {
  for (const [pattern, category] of ALIASES) {
    if (pattern.test(raw)) return category;
  }
  return '未分类';
}
