// Routes that make the forms people print and sign; merged into the one table in db/contract/routes.ts.
// Everyone signed in may print, auditors included: printing reads and changes nothing.
import { LabelsInput, LogBookPageInput, LogBookPeriodInput } from '../contract/document-schemas.ts';
import { route } from '../contract/route.ts';
import { assetLabels } from './labels.ts';
import { logBookPage, logBookPeriod } from './log-book.ts';

export const documentRoutes = {
  'documents.log-book-page': route({ access: 'signed-in', input: LogBookPageInput, handler: (ctx, input) => logBookPage(ctx, input) }),
  'documents.log-book-period': route({ access: 'signed-in', input: LogBookPeriodInput, handler: (ctx, input) => logBookPeriod(ctx, input) }),
  'documents.labels': route({ access: 'signed-in', input: LabelsInput, handler: (ctx, input) => assetLabels(ctx, input) }),
};
