import { randomInt } from 'node:crypto';

const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

/** A short cohort code staff can read aloud and type: six characters, no 0/O or 1/I/L. */
export function makeCohortCode(): string {
  let code = '';
  for (let i = 0; i < 6; i++) code += ALPHABET[randomInt(ALPHABET.length)];
  return code;
}

/** Whether a string has the shape of a cohort code. */
export function looksLikeCohortCode(text: string): boolean {
  return /^[A-Za-z0-9]{6}$/.test(text);
}
