// Clause punctuation: a prohibition reaches only the clause it is written in.
const CLAUSE_BREAK = /[，。！？；,.!?;\n]/;
const WINDOW = 10;

// Before a hit: a prohibition or a warning about it (不要刷单, 拒绝网络赌博, 远离毒品, 举报了…赌博网站).
// 要不要/能不能 ask a question, and 别 ends words (区别, 分别, 特别) without forbidding anything.
const BEFORE = /(?:(?<!要)不要|(?<!能)不能|(?<!准)不准|不许|不得|(?<![区分特类级识辨差告性派鉴])别|勿|禁止|严禁|杜绝|拒绝|远离|抵制|反对|打击|举报|谨防|警惕|提防|防范|小心|当心|戒)[^，。！？；,.!?;\n]{0,6}$/;
// After a hit: it is called wrong or harmful (刷单是违规的, 嫖娼…都是违法的, 赌博害人); a bare 违规
// is left out: 「后台显示违规」「会不会被判违规」 report a platform verdict, not a warning.
const AFTER = /^[^，。！？；,.!?;\n]{0,6}(?:是违规|属于违规|都违规|算违规|是违法|违法|犯法|是犯罪|犯罪|都是骗|是骗|骗局|害人|害死人|不能碰|别碰|不要碰|千万别|坚决不|要不得|被封|封号|会被(?:封|抓|判刑|罚|查))/;

/**
 * Whether the clause around [start, end) speaks against the hit instead of offering it: a
 * prohibition before it (不要, 禁止, 拒绝, 远离 …) or a verdict after it (是违规的, 都是骗局 …).
 * Warnings like 「刷单是违规的，千万不要做」 and 「拒绝网络赌博」 are the class rules, not violations.
 */
export function negatedByContext(text: string, start: number, end: number): boolean {
  let from = start;
  while (from > 0 && start - from < WINDOW && !CLAUSE_BREAK.test(text.charAt(from - 1))) from--;
  if (from < start && BEFORE.test(text.slice(from, start))) return true;
  let to = end;
  while (to < text.length && to - end < WINDOW && !CLAUSE_BREAK.test(text.charAt(to))) to++;
  return to > end && AFTER.test(text.slice(end, to));
}
