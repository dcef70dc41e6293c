import { z } from 'zod';
import type { RawArgs } from './command';
import { COHORT_CODE_FORM, COHORT_CODE_MISSING, takesNoArguments } from './texts';

/** Nothing but punctuation, emoji and spaces: what people add to a bare command (签到！ 👍). */
const ONLY_DECORATION = /^[\p{P}\p{S}\s]*$/u;

/**
 * Arguments of a command that takes none: `#签到 乱码 参数 太多` gets the usage (it may be a
 * mistyped other command), while punctuation and emoji after the word are tolerated.
 */
export function noArgs(command: string) {
  return z
    .custom<RawArgs>()
    .refine((raw) => ONLY_DECORATION.test(raw.text) && raw.lines.length === 0, { message: takesNoArguments(command) })
    .transform(() => ({}));
}

/** A cohort code as the first token: six letters or digits. */
export const cohortCode = z
  .string({ error: COHORT_CODE_MISSING })
  .regex(/^[A-Za-z0-9]{6}$/, COHORT_CODE_FORM)
  .transform((s) => s.toUpperCase());
