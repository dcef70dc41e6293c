import { z } from 'zod';
import type { RawArgs } from './command';
import { COHORT_CODE_FORM, COHORT_CODE_MISSING } from './texts';

/** Arguments of a command that takes none (extra text is tolerated and ignored). */
export const noArgs = z.custom<RawArgs>().transform(() => ({}));

/** A cohort code as the first token: six letters or digits. */
export const cohortCode = z
  .string({ error: COHORT_CODE_MISSING })
  .regex(/^[A-Za-z0-9]{6}$/, COHORT_CODE_FORM)
  .transform((s) => s.toUpperCase());
