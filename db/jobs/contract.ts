// What names a long job (a bundle checked or applied): a key the window makes (random) so it can ask how
// far the job is, or stop it, before the call running it returns. Pure zod.
import { z } from 'zod';
import { safeString } from '../contract/inputs.ts';

export const JobKey = safeString().regex(/^[A-Za-z0-9_-]{8,64}$/, 'validation.invalid_format');
export const JobInput = z.strictObject({ job: JobKey });
