import { z } from 'zod';
import type { RawArgs } from './command';

/** Arguments of a command that takes none (extra text is tolerated and ignored). */
export const noArgs = z.custom<RawArgs>().transform(() => ({}));

/** A cohort code as the first token: six letters or digits. */
export const cohortCode = z
  .string({ error: '缺少班级码' })
  .regex(/^[A-Za-z0-9]{6}$/, '班级码是 6 位字母或数字')
  .transform((s) => s.toUpperCase());
