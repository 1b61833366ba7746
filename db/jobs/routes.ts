// Long jobs as the window follows them: how far one is, and stopping it. Only the job's owner sees
// or stops it; a job another user started is, to everyone else, no job at all. Both are answered at
// once, even while a job holds the store (db/core/jobs.ts, `Turn`): that is what they are for.
import { route } from '../contract/route.ts';
import { JobInput } from './contract.ts';
import { signedIn } from '../core/context.ts';
import { answeredAtOnce } from '../core/jobs.ts';

export const jobRoutes = {
  'jobs.progress': answeredAtOnce(route({ access: 'signed-in', input: JobInput, handler: (ctx, input) => ctx.jobs.get(input.job, signedIn(ctx).id) })),
  'jobs.cancel': answeredAtOnce(
    route({
      access: 'signed-in',
      input: JobInput,
      handler: (ctx, input) => {
        // A stop that overtakes the call starting its job still counts: that job then starts stopped.
        ctx.jobs.cancel(input.job, signedIn(ctx).id);
        return { cancelled: true as const };
      },
    }),
  ),
};
