// Issue 8, done when "`renderer/` spells no role names outside tests": the window decides what to show
// by asking the route table (renderer/shell/access.ts), so a role name written as a string in its source
// is a hand-made mirror of the core's rules waiting to drift. This reads every source file of the
// window with the TypeScript parser and fails on any string that is a role's name.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { roleLiterals } from './role-literals.ts';

const ROOT = join(import.meta.dirname, '../..');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return /\.tsx?$/.test(entry.name) && !/\.d\.ts$/.test(entry.name) ? [path] : [];
  });
}

describe('the window spells no role names', () => {
  it('finds a role name written in any form the window could use', () => {
    // The check itself: each of these would be a hand-made role rule.
    expect(roleLiterals('a.ts', "const ok = roles.includes('admin');")).toEqual([{ line: 1, role: 'admin' }]);
    expect(roleLiterals('a.ts', 'const list = ["ict_officer", `auditor`];').map((f) => f.role)).toEqual(['ict_officer', 'auditor']);
    expect(roleLiterals('a.tsx', 'const x = <Badge color={role === "head_of_institution" ? "a" : "b"} />;').map((f) => f.role)).toEqual(['head_of_institution']);
    // Translations of a role by its key are not a rule, and neither are words that merely contain one.
    expect(roleLiterals('a.tsx', "const label = t(`roles.${role}`); const key = 'setup.admin.username';")).toEqual([]);
  });

  it('holds in every source file of renderer/', () => {
    const files = sources(join(ROOT, 'renderer'));
    expect(files.length).toBeGreaterThan(50);
    const offences = files.flatMap((path) => roleLiterals(path, readFileSync(path, 'utf8')).map((f) => `${relative(ROOT, path)}:${f.line} '${f.role}'`));
    expect(offences).toEqual([]);
  });
});
