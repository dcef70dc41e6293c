import type { JobDeps } from './job-definition';
import { svgToPng } from '../src/charts/render-png';
import { CARD_URL_TTL_SECONDS, signCardUrl } from '../src/charts/card-url';

/**
 * A card drawn to PNG, or null when pictures are off (no `cards` in deps) or cannot be drawn
 * (the font missing): the text then goes alone, and the reason is logged, never sent to staff.
 */
export function drawCard(deps: JobDeps, build: () => string): Buffer | null {
  if (!deps.cards) return null;
  try {
    return svgToPng(build(), deps.cards.fontFile);
  } catch (err) {
    deps.log.warn({ err }, 'card picture not drawn; sending the text alone');
    return null;
  }
}

/**
 * Stores a card for the console and returns its signed URL (DingTalk robots show pictures by
 * URL only); undefined without CONSOLE_SECRET or a store, and then the robot gets the text alone.
 */
export async function cardUrl(deps: JobDeps, id: string, png: Buffer | null): Promise<string | undefined> {
  const cards = deps.cards;
  if (!png || !cards?.secret || !cards.publicUrl || !cards.store) return undefined;
  await cards.store.put(id, png, CARD_URL_TTL_SECONDS);
  const exp = Math.floor(Date.now() / 1000) + CARD_URL_TTL_SECONDS;
  return signCardUrl(cards.publicUrl, cards.secret, id, exp);
}
