/**
 * Length-preserving fold used by the solicitation detectors: full-width ASCII → ASCII,
 * ideographic space → space, 。→ '.', circled ①–⑨ → digits, upper → lower case. Offsets in
 * the result are offsets in the original text.
 */
export function foldForSolicitation(text: string): string {
  let out = '';
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    let m = -1;
    if (c >= 0x41 && c <= 0x5a) m = c + 0x20;
    else if (c < 0x80) continue;
    else if (c >= 0xff01 && c <= 0xff5e) {
      m = c - 0xfee0;
      if (m >= 0x41 && m <= 0x5a) m += 0x20;
    } else if (c === 0x3000) m = 0x20;
    else if (c === 0x3002 || c === 0xff61) m = 0x2e;
    else if (c >= 0x2460 && c <= 0x2468) m = c - 0x2460 + 0x31;
    if (m < 0) continue;
    out += text.slice(from, i) + String.fromCharCode(m);
    from = i + 1;
  }
  return from === 0 ? text : out + text.slice(from);
}
