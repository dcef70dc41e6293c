import type { ScanMatch } from './detector';
import { findContactIds } from './find-contact-ids';
import { findLinks } from './find-links';
import { findPhoneNumbers } from './find-phone-numbers';
import { foldForSolicitation } from './fold-for-solicitation';

const NONE: readonly ScanMatch[] = Object.freeze([]);

const DIGIT = 1;
const LETTER = 2;
const CUE = 4;
const DOT = 8;

// One table lookup per character tells which detectors could possibly fire.
const KIND = new Uint8Array(0x10000);
for (let c = 0x30; c <= 0x39; c++) KIND[c] = DIGIT;
for (let c = 0xff10; c <= 0xff19; c++) KIND[c] = DIGIT;
for (let c = 0x2460; c <= 0x2468; c++) KIND[c] = DIGIT;
for (const ch of '零〇洞一幺壹二贰两三叁四肆五伍六陆七柒拐八捌九玖勾') KIND[ch.charCodeAt(0)] = DIGIT;
for (let c = 0x41; c <= 0x5a; c++) KIND[c] = KIND[c + 0x20] = LETTER;
for (let c = 0xff21; c <= 0xff3a; c++) KIND[c] = KIND[c + 0x20] = LETTER;
for (const ch of '加+＋➕私联找扫微薇威徽维扣企号:：') KIND[ch.charCodeAt(0)] = (KIND[ch.charCodeAt(0)] as number) | CUE;
for (const ch of 'vVwWqQｖＶｗＷｑＱ') KIND[ch.charCodeAt(0)] = (KIND[ch.charCodeAt(0)] as number) | CUE;
for (const ch of '.。．｡/') KIND[ch.charCodeAt(0)] = DOT;

/** All solicitation hits (phone numbers, contact ids, links) in a message, category 广告. */
export function findSolicitation(text: string, allowedDomains?: readonly string[]): readonly ScanMatch[] {
  let digits = 0;
  let letters = 0;
  let flags = 0;
  for (let i = 0; i < text.length; i++) {
    const k = KIND[text.charCodeAt(i)] as number;
    if (k === 0) continue;
    flags |= k;
    if (k & DIGIT) digits++;
    else if (k & LETTER) letters++;
  }
  const phone = digits >= 11;
  const contact = (flags & CUE) !== 0 && (digits >= 5 || letters >= 6);
  const link = (flags & DOT) !== 0 && letters >= 2;
  if (!phone && !contact && !link) return NONE;
  const folded = foldForSolicitation(text);
  const out: ScanMatch[] = [];
  if (phone) out.push(...findPhoneNumbers(folded));
  if (contact) out.push(...findContactIds(folded));
  if (link) out.push(...findLinks(folded, allowedDomains));
  return out;
}
