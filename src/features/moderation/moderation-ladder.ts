import { RULE_TEXTS } from './texts';

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
      return RULE_TEXTS.political;
    case '色情':
    case '赌博':
    case '毒品':
      return RULE_TEXTS.vice;
    case '暴恐':
      return RULE_TEXTS.violence;
    case '辱骂':
      return RULE_TEXTS.abuse;
    case '广告':
      return RULE_TEXTS.solicitation;
    default:
      return RULE_TEXTS.other;
  }
}
