// Routes of the register import; merged into the one table in db/contract/routes.ts. Each is a long job
// the window follows under its own key (`jobs.progress`) and may stop; each holds the store while it
// runs (the preview and the rows in error rehearse every row in a transaction they roll back).
import { ImportCommitInput, ImportPreviewInput, ImportRejectsInput } from './contract.ts';
import { ICT } from '../contract/roles.ts';
import { route } from '../contract/route.ts';
import { signedIn } from '../core/context.ts';
import { runJob } from '../core/jobs.ts';
import { commitImport, previewImport, rejectedRows } from './commands.ts';

export const importRoutes = {
  'import.preview': route({
    access: ICT,
    input: ImportPreviewInput,
    handler: (ctx, input) => runJob(ctx.jobs, 'import.preview', signedIn(ctx).id, input.job, (job) => previewImport(ctx, input, job)),
  }),
  'import.commit': route({
    access: ICT,
    input: ImportCommitInput,
    handler: (ctx, input) => runJob(ctx.jobs, 'import.commit', signedIn(ctx).id, input.job, (job) => commitImport(ctx, input, job)),
  }),
  'import.rejects': route({
    access: ICT,
    input: ImportRejectsInput,
    handler: (ctx, input) => runJob(ctx.jobs, 'import.rejects', signedIn(ctx).id, input.job, (job) => rejectedRows(ctx, input, job)),
  }),
};
