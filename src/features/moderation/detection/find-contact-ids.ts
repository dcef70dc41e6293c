import type { ScanMatch } from './detector';

const APP = '(?:vx|wx|v信|微信|薇信|威信|徽信|维信|威芯|薇芯|v芯|wei信|weixin|wechat|qq|扣扣|企鹅|q|v|微|薇|威)';
const NAMED_APP = '(?:vx|wx|v信|微信|薇信|威信|徽信|维信|威芯|薇芯|v芯|wei信|weixin|wechat|qq|扣扣|企鹅)';
// Either an invitation ("加我v", "+vx", "私我微", typed "jia wo v") or an app name with 号/colon, then an id (after a bracket too):
// WeChat ids are 6–20 characters starting with a letter; QQ numbers 5–12 digits.
const CONTACT = new RegExp(
  `(?:(?:加|(?<![a-z])jia|\\+|➕|私|联系|找|扫)\\s*(?:我|wo|个|一下)?\\s*${APP}|(?<![a-z])${NAMED_APP}\\s*号?)` +
    `\\s*(?:是|为)?\\s*[:：(（]?\\s*(?:[a-z][-_a-z0-9]{5,19}|[1-9][0-9]{4,11})(?![-_a-z0-9])`,
  'g',
);

/**
 * Contact ids offered after a cue (加V, 加微, vx, wx, 薇信, 威信, 微信号, qq …). Takes text
 * already passed through foldForSolicitation; a bare mention of WeChat or a platform never fires.
 */
export function findContactIds(folded: string): ScanMatch[] {
  const out: ScanMatch[] = [];
  for (const m of folded.matchAll(CONTACT)) {
    const start = m.index;
    out.push({ word: 'contact-id', category: '广告', start, end: start + m[0].length, layer: 'solicitation' });
  }
  return out;
}
