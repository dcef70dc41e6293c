/** The ladder's settings (thresholds are configuration). */
export interface LadderConfig {
  muteAfter: number;
  removeAfter: number;
}

/** The step the ladder reaches for a member. */
export type LadderStep = 'warn' | 'mute' | 'remove';

/**
 * The warning ladder (SPEC §3.7: warn → mute → remove, thresholds configured): with `active`
 * warnings in force, counting the one just given, the member is muted from `muteAfter` and
 * removed from `removeAfter` on.
 */
export function ladderStep(active: number, config: LadderConfig): LadderStep {
  if (active >= config.removeAfter) return 'remove';
  if (active >= config.muteAfter) return 'mute';
  return 'warn';
}

/** The rule a category breaks, quoted in the public warning (seed: 二(二)3 微信群管理). */
export function ruleFor(category: string): string {
  switch (category) {
    case '政治':
      return '严禁在群内发布任何危害国家利益的言论';
    case '色情':
    case '赌博':
    case '毒品':
      return '禁止涉及黄赌毒等敏感话题';
    case '暴恐':
      return '禁止发布暴力、恐怖等过激内容';
    case '辱骂':
      return '禁止歧视、攻击、骚扰、过激等不良言行';
    case '广告':
      return '禁止发布广告、拉人加微信、刷单兼职等信息';
    default:
      return '禁止发布违法违规信息';
  }
}
