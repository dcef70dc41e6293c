import type { ScanMatch } from './detector';

/** Shop-platform domains a training group links to every day (listings, shops, articles). */
export const DEFAULT_ALLOWED_DOMAINS: readonly string[] = [
  'taobao.com', 'tmall.com', 'tb.cn', 'jd.com', '3.cn', 'douyin.com', 'iesdouyin.com', 'jinritemai.com',
  'pinduoduo.com', 'yangkeduo.com', 'kuaishou.com', 'xiaohongshu.com', 'xhslink.com', '1688.com',
  'alibaba.com', 'weixin.qq.com', 'dingtalk.com', 'gov.cn',
];

const TLD =
  '(?:com|cn|net|org|top|xyz|vip|cc|me|io|ly|co|info|club|site|shop|link|app|fun|ink|wang|online|store|live|tv|pw|biz|tk|ml|ga|gq|cf|tw|hk|xin|ren|icu|asia|mobi|pro|work|life|today|win|bid|loan|kim)';
const PATH = "[-a-z0-9._~%+=&?/#:@!$*;']*";
const LINK = new RegExp(
  `(?:https?://|www\\.)[-a-z0-9.]+${PATH}` +
    `|(?<![-a-z0-9.@_])(?:[a-z0-9](?:[-a-z0-9]{0,61}[a-z0-9])?\\.)+${TLD}(?![a-z0-9])(?:[/:?#]${PATH})?`,
  'g',
);

/**
 * Links: http(s)://…, www.…, and bare domains with a common TLD (xx.top/abc). Links to the
 * allowed shop-platform domains do not count. Takes text passed through foldForSolicitation.
 */
export function findLinks(folded: string, allowedDomains: readonly string[] = DEFAULT_ALLOWED_DOMAINS): ScanMatch[] {
  const out: ScanMatch[] = [];
  for (const m of folded.matchAll(LINK)) {
    // A full stop after a link ends the sentence, not the link.
    const link = m[0].replace(/[.!?;']+$/, '');
    const host = link.replace(/^https?:\/\//, '').replace(/[/:?#].*$/, '');
    if (allowedDomains.some((d) => host === d || host.endsWith(`.${d}`))) continue;
    const start = m.index;
    out.push({ word: 'link', category: '广告', start, end: start + link.length, layer: 'solicitation' });
  }
  return out;
}
