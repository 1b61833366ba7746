// Stocktake routes (issue 13); merged into the one table by the area's manifest. Every role reads a
// stocktake (those who count, the Accounting Officer, the Head of Institution, the auditor): 'signed-in'.
import { ACCOUNTING_OFFICERS, CUSTODY_CLERKS, ICT, STOCKTAKE_CHAIRS, STOCKTAKERS } from '../contract/roles.ts';
import { route } from '../contract/route.ts';
import { EmptyInput } from '../contract/inputs.ts';
import { translator } from '../contract/catalogues/index.ts';
import { readsOnly } from '../core/jobs.ts';
import { refuse } from '../core/refusal.ts';
import { openConflicts } from '../sync/conflicts.ts';
import {
  acknowledgeIncident,
  closeStocktake,
  correctCustodian,
  moveFound,
  openStocktake,
  recordUnknown,
  registerUnknown,
  reportMissing,
  scan,
  undoCount,
} from './commands.ts';
import {
  AcknowledgeInput,
  CorrectCustodianInput,
  CountsInput,
  describeStocktakeConflict,
  ExpectedInput,
  MoveFoundInput,
  OpenInput,
  RegisterUnknownInput,
  ReportMissingInput,
  ScanInput,
  STOCKTAKE_CONFLICT_KINDS,
  StocktakeIdInput,
  StocktakeListInput,
  UndoInput,
  UnknownInput,
  type StocktakeResult,
} from './contract.ts';
import { findStocktake, findStocktakeRow, listCounts, listExpected, listStocktakes, resultOf } from './queries.ts';
import { stocktakeReport, StocktakeReportInput } from './report.ts';
import { stocktakeReportSheet } from './report-sheet.ts';

const KINDS = new Set<string>(STOCKTAKE_CONFLICT_KINDS);

export const stocktakeRoutes = {
  'stocktake.list': readsOnly(route({ access: 'signed-in', input: StocktakeListInput, handler: (ctx, input) => listStocktakes(ctx.store, input.state) })),
  'stocktake.get': readsOnly(
    route({ access: 'signed-in', input: StocktakeIdInput, handler: (ctx, input) => findStocktake(ctx.store, input.stocktake_id) ?? refuse('stocktake-not-found') }),
  ),
  'stocktake.counts': readsOnly(route({ access: 'signed-in', input: CountsInput, handler: (ctx, input) => listCounts(ctx.store, input) })),
  'stocktake.expected': readsOnly(route({ access: 'signed-in', input: ExpectedInput, handler: (ctx, input) => listExpected(ctx.store, input) })),
  'stocktake.result': readsOnly(
    route({
      access: 'signed-in',
      input: StocktakeIdInput,
      handler: (ctx, input): StocktakeResult => {
        const row = findStocktakeRow(ctx.store, input.stocktake_id) ?? refuse('stocktake-not-found');
        const stocktake = findStocktake(ctx.store, row.id) ?? refuse('stocktake-not-found');
        return { stocktake, ...resultOf(ctx.store, row) };
      },
    }),
  ),
  'stocktake.open': route({ access: STOCKTAKERS, input: OpenInput, handler: (ctx, input) => openStocktake(ctx, input) }),
  'stocktake.scan': route({ access: STOCKTAKERS, input: ScanInput, handler: (ctx, input) => scan(ctx, input) }),
  'stocktake.record-unknown': route({ access: STOCKTAKERS, input: UnknownInput, handler: (ctx, input) => recordUnknown(ctx, input) }),
  'stocktake.undo-count': route({ access: STOCKTAKERS, input: UndoInput, handler: (ctx, input) => undoCount(ctx, input) }),
  /** The committee's chair closes; the route is open to whoever may chair, the command checks it is the chair. */
  'stocktake.close': route({ access: STOCKTAKE_CHAIRS, input: StocktakeIdInput, handler: (ctx, input) => closeStocktake(ctx, input) }),
  'stocktake.move-found': route({ access: ICT, input: MoveFoundInput, handler: (ctx, input) => moveFound(ctx, input) }),
  'stocktake.correct-custodian': route({ access: CUSTODY_CLERKS, input: CorrectCustodianInput, handler: (ctx, input) => correctCustodian(ctx, input) }),
  'stocktake.register-unknown': route({ access: ICT, input: RegisterUnknownInput, handler: (ctx, input) => registerUnknown(ctx, input) }),
  'stocktake.report-missing': route({ access: STOCKTAKERS, input: ReportMissingInput, handler: (ctx, input) => reportMissing(ctx, input) }),
  'stocktake.acknowledge-incident': route({ access: ACCOUNTING_OFFICERS, input: AcknowledgeInput, handler: (ctx, input) => acknowledgeIncident(ctx, input) }),
  /** The report (PDF, A4) and its lists (XLSX): provisional while the stocktake is open, for the committee to sign once closed. */
  'documents.stocktake-report': readsOnly(route({ access: 'signed-in', input: StocktakeReportInput, handler: (ctx, input) => stocktakeReport(ctx, input) })),
  'documents.stocktake-report-xlsx': readsOnly(route({ access: 'signed-in', input: StocktakeReportInput, handler: (ctx, input) => stocktakeReportSheet(ctx, input) })),
  /** Stocktake conflicts a merge revealed, in plain words in both languages. */
  'stocktake.conflicts': readsOnly(
    route({
      access: 'signed-in',
      input: EmptyInput,
      handler: (ctx) =>
        openConflicts(ctx)
          .filter((conflict) => KINDS.has(conflict.kind))
          .map((conflict) => ({ ...conflict, text: { sw: describeStocktakeConflict(conflict, translator('sw')), en: describeStocktakeConflict(conflict, translator('en')) } })),
    }),
  ),
};
