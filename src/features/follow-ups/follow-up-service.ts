import { DateTime } from 'luxon';
import type { Cohort } from '../../domain/types';
import type { JobScheduler } from '../../queue/job-scheduler';
import type { Stores } from '../../stores/create-stores';
import type { FollowUp } from '../../domain/types';
import { clipText } from '../../kernel/privacy';

/** Days after the cohort's end that trainees are visited again (SPEC §3.8; seed: 四(二)10). */
export const FOLLOW_UP_WAVES = [30, 90, 180] as const;

// A longer name comes before the shorter one it contains (微信小店 before 微信), so each is read once.
const PLATFORMS = ['淘宝', '天猫', '抖音', '快手', '拼多多', '京东', '微信小店', '微店', '视频号', '小红书', '有赞', '1688', '美团', '闲鱼', '朋友圈', '微信'];

/** The platforms an answer names, in the order written (抖音和快手都开了 → 抖音、快手). */
function platformsIn(text: string): string[] {
  const found: { name: string; at: number }[] = [];
  let rest = text;
  for (const name of PLATFORMS) {
    const at = rest.indexOf(name);
    if (at < 0) continue;
    found.push({ name, at });
    rest = rest.split(name).join('\u0000'.repeat(name.length));
  }
  return found.sort((a, b) => a.at - b.at).map((f) => f.name);
}

/**
 * Reads a free-text follow-up answer: whether a shop was opened (开了/已开/有 vs 没/未/还没),
 * the platforms (淘宝, 抖音, 微信小店 …; several are joined with 、), a monthly sales figure
 * (3000, 3000元, 1.5万) and what help is needed (after 需要/希望/想). Null when it says nothing
 * about the shop at all.
 */
export function parseFollowUpAnswer(text: string): Pick<FollowUp, 'openedShop' | 'shopPlatform' | 'monthlySalesYuan' | 'needsHelp'> | null {
  const t = text.trim();
  const no = /(没开|没有开|未开|还没|没有|不开|否|没)/.test(t);
  const yes = /(开了|已开|已经开|有店|开店了|是|有)/.test(t);
  const platforms = platformsIn(t);
  const shopPlatform = platforms.length > 0 ? platforms.join('、') : undefined;
  // Platform names with digits (1688) are not sales figures.
  const money = /(\d+(?:\.\d+)?)\s*(万|千|k|K)?\s*元?/.exec(platforms.reduce((s, p) => s.split(p).join(' '), t));
  const factor = money?.[2] === '万' ? 10_000 : money?.[2] === '千' || money?.[2]?.toLowerCase() === 'k' ? 1000 : 1;
  const help = /(?:需要|希望|想要|想)(.+)$/.exec(t)?.[1]?.trim();
  const openedShop = no && !/开了|已开/.test(t) ? false : yes ? true : shopPlatform ? true : undefined;
  if (openedShop === undefined && !shopPlatform && !money && !help) return null;
  return {
    openedShop,
    shopPlatform,
    monthlySalesYuan: money ? Math.round(Number(money[1]) * factor) : undefined,
    needsHelp: help,
  };
}

/** Records the answer to a visit; false when the text could not be read. */
export async function answerFollowUp(stores: Stores, visit: FollowUp, text: string, at: Date): Promise<boolean> {
  const parsed = parseFollowUpAnswer(text);
  if (!parsed) return false;
  await stores.followUps.answer(visit.cohortId, visit.wave, visit.platform, visit.userId, { ...parsed, answeredAt: at, answerText: clipText(text, 500) });
  return true;
}

/** Plans the three follow-up waves once the cohort has ended; ids per cohort and wave. */
export async function planFollowUps(scheduler: JobScheduler, cohort: Cohort): Promise<void> {
  for (const wave of FOLLOW_UP_WAVES) {
    const runAt = DateTime.fromISO(cohort.endDate, { zone: cohort.timezone }).plus({ days: wave, hours: 10 }).toJSDate();
    await scheduler.schedule('open-follow-up', { cohortId: cohort.id, wave }, { jobId: `follow-up_${cohort.id}_${wave}`, runAt });
  }
}
