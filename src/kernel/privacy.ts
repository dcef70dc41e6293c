/*
 * The one phone policy (SPEC §4: phone numbers are personal data). Every masked phone reads
 * 138****5678, in logs, replies, digests, briefs and workbooks alike.
 *
 * In free text a number is a run of digit groups (ASCII or full-width) joined by up to three
 * spaces, hyphens or dots: `138 0000 1111`, `138-0000-1111`, `１３８.００００.１１１１`,
 * `+86 138 0000 1111`, `0086-13800001111`. A mainland mobile is a sequence of WHOLE groups of
 * such a run whose digits read 1[3-9] + 9 digits, optionally after 86 or 0086 (the prefix is
 * masked away with the number). Groups are never cut, which keeps other numbers intact:
 * dates (2027-03-01), amounts (12000), 6-digit cohort codes, and 18-digit ID numbers, whether
 * written solid or as 6-8-4 groups, are not phones and stay as written; two phones side by side
 * (`13800001111 13900002222`) are both masked. A 4-4-4-4-3 bank card whose last three groups
 * happen to read as a mobile is masked there too: a lesser harm than showing a phone.
 */

const DIGITS = '0-9０-９';
const SEPARATORS = '\\s\\-‐‑‒–—―－−.．·・';
const NUMBER_RUN = new RegExp(`[+＋]?[${DIGITS}]+(?:[${SEPARATORS}]{1,3}[${DIGITS}]+)*`, 'g');
const DIGIT_GROUP = new RegExp(`[${DIGITS}]+`, 'g');
const SEPARATOR = new RegExp(`[${SEPARATORS}]`, 'g');
/** 11 digits 1[3-9]…, after an optional 86 / 0086 country prefix; group 1 is the national number. */
const MOBILE = /^(?:0086|86)?(1[3-9]\d{9})$/;
// Longest digit string a phone may span: 0086 + 11 digits.
const MAX_PHONE_DIGITS = 15;

const asciiDigits = (text: string): string => text.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));

/**
 * The 11-digit mainland mobile number a person typed as one field (spaces, hyphens, dots,
 * full-width digits and a +86/0086 prefix allowed), or null when it is not one. Used to
 * validate and normalise the phone of a registration form.
 */
export function parseMobile(raw: string): string | null {
  const compact = asciiDigits(raw.trim()).replace(SEPARATOR, '').replace(/^[+＋]/, '');
  if (!/^\d+$/.test(compact)) return null;
  return MOBILE.exec(compact)?.[1] ?? null;
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
 * Masks every mainland mobile number inside free text (nicknames, answers, cell values), in
 * any of the written forms described at the top of this file, as 138****5678; everything
 * else in the text is left as it was.
 */
export function maskPhonesInText(text: string): string {
  return text.replace(NUMBER_RUN, maskPhonesInRun);
}

/** Masks the phones of one run of digit groups; a leading + goes with a phone that starts the run. */
function maskPhonesInRun(run: string): string {
  const groups = Array.from(run.matchAll(DIGIT_GROUP), (m) => ({ start: m.index, end: m.index + m[0].length, digits: asciiDigits(m[0]) }));
  let out = '';
  let copied = 0;
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
    out += `${run.slice(copied, i === 0 ? 0 : groups[i]!.start)}${maskPhone(digits)}`;
    copied = groups[last]!.end;
    i = last + 1;
  }
  return out + run.slice(copied);
}
