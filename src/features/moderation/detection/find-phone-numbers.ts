import type { ScanMatch } from './detector';

const NUMERALS: Record<string, string> = {
  零: '0', 〇: '0', 洞: '0', 一: '1', 幺: '1', 壹: '1', 二: '2', 贰: '2', 两: '2', 三: '3', 叁: '3',
  四: '4', 肆: '4', 五: '5', 伍: '5', 六: '6', 陆: '6', 七: '7', 柒: '7', 拐: '7', 八: '8', 捌: '8',
  九: '9', 玖: '9', 勾: '9',
};
const D = `[0-9${Object.keys(NUMERALS).join('')}]`;
// Eleven digits (ASCII or Chinese numerals), at most two separators between digits, not inside a longer number.
const PHONE = new RegExp(`(?<![0-9])${D}(?:[\\s\\-._·—–/]{0,2}${D}){10}(?![0-9])`, 'g');
const MOBILE = /^1[3-9][0-9]{9}$/;

/**
 * Mainland mobile numbers (1[3-9] + 9 digits) written with spaces, dashes, full-width digits
 * or Chinese numerals. Takes text already passed through foldForSolicitation.
 */
export function findPhoneNumbers(folded: string): ScanMatch[] {
  const out: ScanMatch[] = [];
  if (folded.length < 11) return out;
  for (const m of folded.matchAll(PHONE)) {
    const digits = m[0].replace(/[^0-9零〇洞一幺壹二贰两三叁四肆五伍六陆七柒拐八捌九玖勾]/g, '');
    const ascii = [...digits].map((d) => NUMERALS[d] ?? d).join('');
    if (!MOBILE.test(ascii)) continue;
    const start = m.index;
    out.push({ word: 'phone-number', category: '广告', start, end: start + m[0].length, layer: 'solicitation' });
  }
  return out;
}
