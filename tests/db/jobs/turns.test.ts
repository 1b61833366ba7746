// The order in which calls reach the store: first come, first served; reads together, a write alone;
// a job's progress and stop at once, whatever holds the store.
import { describe, expect, it } from 'vitest';
import { answeredAtOnce, readsOnly, StoreTurns, turnOf, type Turn } from '../../../db/core/jobs.ts';

const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Asks for turns in order; records who started, and lets the test end each call. */
function calls(turns: StoreTurns) {
  const started: string[] = [];
  const enders = new Map<string, () => void>();
  const ask = (name: string, turn: Turn) => {
    void turns.take(turn).then((done) => {
      started.push(name);
      enders.set(name, done);
    });
  };
  const end = async (name: string) => {
    enders.get(name)?.();
    await settle();
  };
  return { started, ask, end };
}

describe('turns of the store', () => {
  it('lets reads run together and a write only alone, in the order they came', async () => {
    const turns = new StoreTurns();
    const { started, ask, end } = calls(turns);
    ask('export', 'read');
    ask('report', 'read');
    ask('edit', 'write');
    ask('list', 'read');
    await settle();
    // The list came after the edit: it does not overtake it, though reads could run beside the export.
    expect(started).toEqual(['export', 'report']);
    expect(turns.busy).toEqual({ running: 2, waiting: 2 });
    await end('export');
    expect(started).toEqual(['export', 'report']);
    await end('report');
    expect(started).toEqual(['export', 'report', 'edit']);
    await end('edit');
    expect(started).toEqual(['export', 'report', 'edit', 'list']);
    await end('list');
    expect(turns.busy).toEqual({ running: 0, waiting: 0 });
  });

  it('holds every call behind a write until it ends, and answers free calls at once', async () => {
    const turns = new StoreTurns();
    const { started, ask, end } = calls(turns);
    ask('import', 'write');
    ask('report', 'read');
    ask('progress', 'free');
    ask('stop', 'free');
    await settle();
    expect(started).toEqual(['import', 'progress', 'stop']);
    await end('import');
    expect(started).toEqual(['import', 'progress', 'stop', 'report']);
  });

  it('gives a turn back once, however often its call says it ended', async () => {
    const turns = new StoreTurns();
    const { started, ask, end } = calls(turns);
    ask('one', 'read');
    ask('two', 'read');
    ask('edit', 'write');
    await settle();
    await end('one');
    await end('one');
    // `two` still reads: the write must not start because `one` ended twice.
    expect(started).toEqual(['one', 'two']);
    await end('two');
    expect(started).toEqual(['one', 'two', 'edit']);
  });

  it('reads a route’s turn from its definition, a write unless it says otherwise', () => {
    expect(turnOf({})).toBe('write');
    expect(turnOf(readsOnly({}))).toBe('read');
    expect(turnOf(answeredAtOnce({}))).toBe('free');
  });
});
