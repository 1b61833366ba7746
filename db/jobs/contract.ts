// What names a long job (a register imported or exported, a bundle checked…): a key the window makes
// (random) so it can ask how far the job is, or stop it, before the call running it returns. Pure zod.
import { z } from 'zod';
import { safeString } from '../contract/inputs.ts';

export const JobKey = safeString().regex(/^[A-Za-z0-9_-]{8,64}$/, 'validation.invalid_format');
export const JobInput = z.strictObject({ job: JobKey });

/** The input of a long job that takes nothing else: the window's key, when it follows the job. */
export const OptionalJobInput = z.strictObject({ job: JobKey.optional() }).default({});
