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
// Finer marks: a contact id needs an app name (v, w, q, 微 …), a link a full stop before a letter
// (a domain's TLD), after a w (www.) or "://".
const APP = 16;
const STOP = 32;
const COLON = 64;
const SLASH = 128;
const W = 256;

// One table lookup per character tells which detectors could possibly fire.
const KIND = new Uint16Array(0x10000);
for (let c = 0x30; c <= 0x39; c++) KIND[c] = DIGIT;
for (let c = 0xff10; c <= 0xff19; c++) KIND[c] = DIGIT;
for (let c = 0x2460; c <= 0x2468; c++) KIND[c] = DIGIT;
for (const ch of '零〇洞一幺壹二贰两三叁四肆五伍六陆七柒拐八捌九玖勾') KIND[ch.charCodeAt(0)] = DIGIT;
for (let c = 0x41; c <= 0x5a; c++) KIND[c] = KIND[c + 0x20] = LETTER;
for (let c = 0xff21; c <= 0xff3a; c++) KIND[c] = KIND[c + 0x20] = LETTER;
for (const ch of '加+＋➕私联找扫微薇威徽维扣企号:：') KIND[ch.charCodeAt(0)] = (KIND[ch.charCodeAt(0)] as number) | CUE;
for (const ch of 'vVwWqQｖＶｗＷｑＱ') KIND[ch.charCodeAt(0)] = (KIND[ch.charCodeAt(0)] as number) | CUE;
for (const ch of '.。．｡/') KIND[ch.charCodeAt(0)] = DOT;
// Every contact-id match holds one of these (find-contact-ids: APP, NAMED_APP), after folding.
for (const ch of 'vVwWqQｖＶｗＷｑＱ微薇威徽维扣企') KIND[ch.charCodeAt(0)] = (KIND[ch.charCodeAt(0)] as number) | APP;
// What folds to '.', ':', '/' and 'w' (foldForSolicitation keeps every character in place).
for (const ch of '.。．｡') KIND[ch.charCodeAt(0)] = (KIND[ch.charCodeAt(0)] as number) | STOP;
for (const ch of ':：') KIND[ch.charCodeAt(0)] = (KIND[ch.charCodeAt(0)] as number) | COLON;
for (const ch of '/／') KIND[ch.charCodeAt(0)] = (KIND[ch.charCodeAt(0)] as number) | SLASH;
for (const ch of 'wWｗＷ') KIND[ch.charCodeAt(0)] = (KIND[ch.charCodeAt(0)] as number) | W;

/** What the solicitation detectors could fire on, gathered one character at a time before any folding. */
export class SolicitationCues {
  digits = 0;
  letters = 0;
  flags = 0;
  linkCue = false;
  /** Kind of the previous UTF-16 unit. */
  prev = 0;

  reset(): void {
    this.digits = 0;
    this.letters = 0;
    this.flags = 0;
    this.linkCue = false;
    this.prev = 0;
  }

  /** The next UTF-16 unit of the message, by its kind (solicitationKind). */
  note(k: number): void {
    if (k !== 0) {
      this.flags |= k;
      if (k & DIGIT) this.digits++;
      else if (k & LETTER) this.letters++;
      // A link (find-links) holds "://", "www." or a full stop right before its TLD's first letter.
      const prev = this.prev;
      if ((k & SLASH && prev & COLON) || (k & LETTER && prev & STOP) || (k & STOP && prev & W)) this.linkCue = true;
    }
    this.prev = k;
  }
}

/** Kind of a UTF-16 unit for SolicitationCues (0 for nearly every Chinese character). */
export function solicitationKind(unit: number): number {
  return KIND[unit] as number;
}

const CUES = new SolicitationCues();

/** All solicitation hits (phone numbers, contact ids, links) in a message, category 广告. */
export function findSolicitation(text: string, allowedDomains?: readonly string[]): readonly ScanMatch[] {
  const cues = CUES;
  cues.reset();
  for (let i = 0; i < text.length; i++) cues.note(KIND[text.charCodeAt(i)] as number);
  return findSolicitationWith(text, cues, allowedDomains);
}

/** findSolicitation with the cues of `text` already gathered (every unit noted, in order). */
export function findSolicitationWith(text: string, cues: SolicitationCues, allowedDomains?: readonly string[]): readonly ScanMatch[] {
  const { digits, letters, flags } = cues;
  const phone = digits >= 11;
  const contact = (flags & CUE) !== 0 && (digits >= 5 || letters >= 6) && (flags & APP) !== 0;
  const link = (flags & DOT) !== 0 && letters >= 2 && cues.linkCue;
  if (!phone && !contact && !link) return NONE;
  const folded = foldForSolicitation(text);
  const out: ScanMatch[] = [];
  if (phone) out.push(...findPhoneNumbers(folded));
  if (contact) out.push(...findContactIds(folded));
  if (link) out.push(...findLinks(folded, allowedDomains));
  return out;
}
