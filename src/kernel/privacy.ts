/*
 * The one phone policy (SPEC §4: phone numbers are personal data). Every masked phone reads
 * 138****5678, in chat replies and notices, logs, digests, briefs and workbooks alike, and
 * every place that shows people's text passes it through maskPhonesInText.
 *
 * In free text a number is a run of digit groups (ASCII or full-width) joined by up to three
 * separators: white space (the ideographic space too), hyphens and dashes (- – — －), dots and
 * middle dots (. ． · ・), underscores (_ ＿), tildes and brackets: `138 0000 1111`,
 * `138-0000-1111`, `１３８.００００.１１１１`, `1 3 8 0 0 0 0 1 1 1 1`, `+86 138 0000 1111`,
 * `0086-13800001111`. Invisible characters (zero-width spaces and joiners, direction marks,
 * soft hyphens, combining and enclosing marks such as the keycap of 1️⃣) do not count: they
 * are read as if absent. A mainland mobile is a sequence of WHOLE groups of such a run whose
 * digits read 1[3-9] + 9 digits, optionally after 86 or 0086 (the prefix is masked away with
 * the number). Groups are never cut, which keeps other numbers intact: dates (2027-03-01),
 * amounts (12000), 6-digit cohort codes, and 18-digit ID numbers, whether written solid or as
 * 6-8-4 groups, are not phones and stay as written; two phones side by side
 * (`13800001111 13900002222`) are both masked. A 4-4-4-4-3 bank card whose last three groups
 * happen to read as a mobile is masked there too: a lesser harm than showing a phone. Digits
 * inside a token of 24 or more hex characters (a database id or a hash in a link) are not read.
 */

const DIGITS = '0-9０-９';
const SEPARATORS = '\\s\\-‐‑‒–—―－−﹣.．·・･‧•∙_＿~～()（）';
const NUMBER_RUN = new RegExp(`[+＋]?[${DIGITS}]+(?:[${SEPARATORS}]{1,3}[${DIGITS}]+)*`, 'g');
const DIGIT_GROUP = new RegExp(`[${DIGITS}]+`, 'g');
const ANY_DIGIT = new RegExp(`[${DIGITS}]`);
/** Characters that take no room on screen: format characters and combining or enclosing marks. */
const INVISIBLE = /[\p{Cf}\p{Mn}\p{Me}]/u;
const INVISIBLE_ALL = /[\p{Cf}\p{Mn}\p{Me}]/gu;
/** 11 digits 1[3-9]…, after an optional 86 / 0086 country prefix; group 1 is the national number. */
const MOBILE = /^(?:0086|86)?(1[3-9]\d{9})$/;
// Longest digit string a phone may span: 0086 + 11 digits.
const MAX_PHONE_DIGITS = 15;

const asciiDigits = (text: string): string => text.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));

/** Where a mobile number stands in a text (UTF-16 offsets, end exclusive) and what it is. */
export interface PhoneSpan {
  start: number;
  end: number;
  /** The 11-digit national number, in ASCII digits. */
  national: string;
}

/** The text without its invisible characters, and for each remaining unit its offset in the original. */
function withoutInvisible(text: string): { visible: string; origin: number[] | null } {
  if (!INVISIBLE.test(text)) return { visible: text, origin: null };
  let visible = '';
  const origin: number[] = [];
  let at = 0;
  for (const ch of text) {
    if (!INVISIBLE.test(ch)) {
      visible += ch;
      for (let k = 0; k < ch.length; k++) origin.push(at + k);
    }
    at += ch.length;
  }
  return { visible, origin };
}

const ASCII_ALNUM = /[0-9A-Za-z]/;
const HEX_ID = /^[0-9a-f]+$/i;
/** Shortest all-hex token taken for a machine id (a database id has 24 characters, a hash more). */
const MIN_HEX_ID = 24;

/**
 * Whether digits at [start, end) sit inside a long run of hex characters (a database id or a
 * hash in a link, `/leave/6b13289628962a…`), which no one writes a phone number into; a phone
 * glued to letters as people write it (`vx13800001111`, `abc13800001111def`) is still one.
 */
function insideHexId(text: string, start: number, end: number): boolean {
  let from = start;
  let to = end;
  while (from > 0 && ASCII_ALNUM.test(text[from - 1]!)) from--;
  while (to < text.length && ASCII_ALNUM.test(text[to]!)) to++;
  return to - from >= MIN_HEX_ID && HEX_ID.test(text.slice(from, to));
}

/**
 * Every mainland mobile number in a text, in any of the written forms described at the top of
 * this file, in order. The one reader of phones in free text: masking, the registration form and
 * the clipping of stored text all use it.
 */
export function findPhones(text: string): PhoneSpan[] {
  if (!ANY_DIGIT.test(text)) return [];
  const { visible, origin } = withoutInvisible(text);
  const toOriginal = (i: number): number => (origin ? origin[i]! : i);
  const spans: PhoneSpan[] = [];
  for (const run of visible.matchAll(NUMBER_RUN)) {
    const runStart = run.index;
    if (insideHexId(visible, runStart, runStart + run[0].length)) continue;
    const groups = Array.from(run[0].matchAll(DIGIT_GROUP), (m) => ({ start: runStart + m.index, end: runStart + m.index + m[0].length, digits: asciiDigits(m[0]) }));
    for (let i = 0; i < groups.length; ) {
      let digits = '';
      let last = -1;
      for (let j = i; j < groups.length && digits.length < MAX_PHONE_DIGITS; j++) {
        digits += groups[j]!.digits;
        if (MOBILE.test(digits)) {
          last = j;
          break;
        }
      }
      if (last < 0) {
        i++;
        continue;
      }
      // A leading + goes with a phone that starts the run.
      const start = i === 0 ? runStart : groups[i]!.start;
      spans.push({ start: toOriginal(start), end: toOriginal(groups[last]!.end - 1) + 1, national: MOBILE.exec(digits)![1]! });
      i = last + 1;
    }
  }
  return spans;
}

/**
 * The 11-digit mainland mobile number a person typed as one field (any written form above,
 * a +86/0086 prefix allowed), or null when the field is not exactly one. Used to validate and
 * normalise the phone of a registration form.
 */
export function parseMobile(raw: string): string | null {
  const field = raw.replace(INVISIBLE_ALL, '').trim();
  const spans = findPhones(field);
  const only = spans.length === 1 ? spans[0]! : null;
  return only && only.start === 0 && only.end === field.length ? only.national : null;
}

/** Masks one phone number given on its own, in any written form: 138****5678. */
export function maskPhone(phone: string): string {
  const digits = asciiDigits(phone).replace(/\D/g, '');
  const national = MOBILE.exec(digits)?.[1] ?? digits;
  if (national.length < 7) return '****';
  return `${national.slice(0, 3)}****${national.slice(-4)}`;
}

/** Masks a person's name for logs: 张三丰 → 张*丰, 张三 → 张*. */
export function maskName(name: string): string {
  const chars = Array.from(name);
  if (chars.length <= 1) return '*';
  if (chars.length === 2) return `${chars[0]}*`;
  return `${chars[0]}${'*'.repeat(chars.length - 2)}${chars[chars.length - 1]}`;
}

/**
 * Masks every mainland mobile number inside free text (nicknames, answers, reasons, cell
 * values, whole messages), in any of the written forms described at the top of this file, as
 * 138****5678; everything else in the text is left as it was.
 */
export function maskPhonesInText(text: string): string {
  const spans = findPhones(text);
  if (spans.length === 0) return text;
  let out = '';
  let copied = 0;
  for (const s of spans) {
    out += `${text.slice(copied, s.start)}${maskPhone(s.national)}`;
    copied = s.end;
  }
  return out + text.slice(copied);
}

/**
 * Cuts text to at most `max` UTF-16 units for storage, never inside a character and never
 * through a phone number: a phone the cut would split is left out whole, so no part of one
 * survives that the masking could no longer recognise.
 */
export function clipText(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = max;
  if (cut > 0 && /[\ud800-\udbff]/.test(text[cut - 1]!)) cut--;
  for (const s of findPhones(text)) if (s.start < cut && s.end > cut) cut = s.start;
  return text.slice(0, cut);
}
