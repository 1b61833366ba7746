// The registers' routes; merged into the one table in db/contract/routes.ts. Everyone signed in may
// export, auditors included: an export reads and changes nothing. It is a long job the window follows
// under its own key and may stop; it only reads, so other reads go on beside it while writes wait.
import { RegisterExportInput } from './contract.ts';
import { route } from '../contract/route.ts';
import { signedIn } from '../core/context.ts';
import { readsOnly, runJob } from '../core/jobs.ts';
import { exportRegister } from './export.ts';

export const registerRoutes = {
  'registers.export': readsOnly(
    route({
      access: 'signed-in',
      input: RegisterExportInput,
      handler: (ctx, input) => runJob(ctx.jobs, 'registers.export', signedIn(ctx).id, input.job, (job) => exportRegister(ctx, input, { job })),
    }),
  ),
};
