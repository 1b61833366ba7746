// The demo writes a new file whole or not at all.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Refusal } from '../../../db/core/refusal.ts';
import { runDemo } from '../../../db/demo/demo.ts';
import type { DemoProgress } from '../../../db/demo/progress.ts';
import { tempDir } from '../../helpers/core.ts';

describe('daftari demo', () => {
  let folder: ReturnType<typeof tempDir>;
  afterEach(() => folder.remove());

  it('leaves no half-built database behind when it stops partway', async () => {
    folder = tempDir();
    const path = join(folder.dir, 'demo.sqlite');
    const stopAtPeople = (step: DemoProgress) => {
      if (step.stage === 'people') throw new Error('stopped by the user');
    };
    await expect(runDemo({ path, scale: 'small', seed: 3, progress: stopAtPeople })).rejects.toThrow('stopped by the user');
    expect(existsSync(path)).toBe(false);
    expect(readdirSync(folder.dir)).toEqual([]);
  });

  it('refuses to write over an existing file and leaves it as it was', async () => {
    folder = tempDir();
    const path = join(folder.dir, 'kazi.sqlite');
    writeFileSync(path, 'the office register');
    const refused = await runDemo({ path, scale: 'small', seed: 3 }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(Refusal);
    expect((refused as Refusal).value.code).toBe('demo-file-exists');
    expect(readFileSync(path, 'utf8')).toBe('the office register');
    expect(readdirSync(folder.dir)).toEqual(['kazi.sqlite']);
  });
});
