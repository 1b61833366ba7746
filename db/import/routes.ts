// Routes of the register import; merged into the one table in db/contract/routes.ts.
import { ImportCommitInput, ImportPreviewInput, ImportRejectsInput } from './contract.ts';
import { ICT } from '../contract/roles.ts';
import { route } from '../contract/route.ts';
import { commitImport, previewImport, rejectedRows } from './commands.ts';

export const importRoutes = {
  'import.preview': route({ access: ICT, input: ImportPreviewInput, handler: (ctx, input) => previewImport(ctx, input) }),
  'import.commit': route({ access: ICT, input: ImportCommitInput, handler: (ctx, input) => commitImport(ctx, input) }),
  'import.rejects': route({ access: ICT, input: ImportRejectsInput, handler: (ctx, input) => rejectedRows(ctx, input) }),
};
