// The import rules of DESIGN.md's layers, as lint enforces them (eslint.config.js). Issue 8: the window
// may import db/contract and each area's pure db/<area>/contract.ts, nothing else of the core; and a
// contract stays pure (zod, other contracts, the shared pure pieces), so the window never bundles the
// store, Node or SQLite through it.
import { ESLint } from 'eslint';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../..');
let eslint: ESLint;

beforeAll(() => {
  eslint = new ESLint({ cwd: ROOT });
});

/** The import-rule messages lint gives `code` placed at `file` (relative to the repository). */
async function importProblems(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(ROOT, file) });
  return (result?.messages ?? []).filter((m) => m.ruleId === '@typescript-eslint/no-restricted-imports' || m.fatal).map((m) => m.message);
}

const use = (what: string, from: string) => `import { ${what} } from '${from}';\nexport const used = ${what};\n`;

describe('the window', () => {
  const screen = 'renderer/screens/assets/sample-screen.ts';

  it("may import an area's contract", async () => {
    expect(await importProblems(screen, use('AssetIdInput', '../../../db/assets/contract.ts'))).toEqual([]);
    expect(await importProblems(screen, use('entryDowntime', '../../../db/maintenance/contract.ts'))).toEqual([]);
  });

  it('may import db/contract: the shared inputs and days', async () => {
    expect(await importProblems(screen, use('text', '../../../db/contract/inputs.ts'))).toEqual([]);
    expect(await importProblems(screen, use('formatDay', '../../../db/contract/days.ts'))).toEqual([]);
  });

  it("may not import an area's queries, commands or reducer", async () => {
    for (const module of ['assets/queries.ts', 'maintenance/commands.ts', 'maintenance/reducer.ts', 'store/open.ts']) {
      expect(await importProblems(screen, use('x', `../../../db/${module}`))).toHaveLength(1);
    }
  });

  it('may not reach a file that only looks like a contract', async () => {
    expect(await importProblems(screen, use('x', '../../../db/assets/contract-helpers.ts'))).toHaveLength(1);
    expect(await importProblems(screen, use('x', '../../../db/assets/deep/contract.ts'))).toHaveLength(1);
    expect(await importProblems(screen, use('x', '../../../db/contract/../assets/queries.ts'))).toHaveLength(1);
  });

  it('imports the route table for its types only', async () => {
    expect(await importProblems(screen, "import type { RouteName } from '../../../db/contract/routes.ts';\nexport type R = RouteName;\n")).toEqual([]);
    expect(await importProblems(screen, use('routes', '../../../db/contract/routes.ts'))).toHaveLength(1);
  });
});

describe("an area's contract", () => {
  const contract = 'db/assets/contract.ts';

  it('may import zod, another contract and the shared pure pieces', async () => {
    expect(await importProblems(contract, use('z', 'zod'))).toEqual([]);
    expect(await importProblems(contract, use('Id', '../contract/inputs.ts'))).toEqual([]);
    expect(await importProblems(contract, use('workingDay', '../contract/days.ts'))).toEqual([]);
    expect(await importProblems(contract, use('Role', '../users/contract.ts'))).toEqual([]);
  });

  it('may not import the store, Node, SQLite or its own area’s queries', async () => {
    for (const module of ['../store/open.ts', 'node:crypto', 'better-sqlite3', 'kysely', './queries.ts', '../contract/routes.ts', '../core/refusal.ts']) {
      expect([module, await importProblems(contract, use('x', module))]).toEqual([module, [expect.stringContaining('A contract is pure')]]);
    }
  });

  it('the shared inputs import only zod and the days', async () => {
    expect(await importProblems('db/contract/inputs.ts', use('isCalendarDate', './days.ts'))).toEqual([]);
    expect(await importProblems('db/contract/inputs.ts', use('routes', './routes.ts'))).toHaveLength(1);
    expect(await importProblems('db/contract/days.ts', use('x', 'node:util'))).toHaveLength(1);
  });

  it('every contract in the repository keeps to it', async () => {
    const results = await eslint.lintFiles(['db/*/contract.ts', 'db/contract/inputs.ts', 'db/contract/days.ts']);
    expect(results.length).toBeGreaterThanOrEqual(10);
    const problems = results.flatMap((r) => r.messages.filter((m) => m.ruleId === '@typescript-eslint/no-restricted-imports').map((m) => `${r.filePath}: ${m.message}`));
    expect(problems).toEqual([]);
  });
});
