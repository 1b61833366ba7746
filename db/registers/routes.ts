// The registers' routes; merged into the one table in db/contract/routes.ts. Everyone signed in may
// export, auditors included: an export reads and changes nothing.
import { RegisterExportInput } from './contract.ts';
import { route } from '../contract/route.ts';
import { exportRegister } from './export.ts';

export const registerRoutes = {
  'registers.export': route({ access: 'signed-in', input: RegisterExportInput, handler: (ctx, input) => exportRegister(ctx, input) }),
};
