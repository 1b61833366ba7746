import { beforeEach, describe, expect, it, vi } from 'vitest';

const electron = vi.hoisted(() => ({
  contextBridge: { exposeInMainWorld: vi.fn() },
  ipcRenderer: { invoke: vi.fn(async () => ({ ok: true, value: 'answered' })) },
}));

vi.mock('electron', () => electron);

beforeEach(() => {
  vi.resetModules();
  electron.contextBridge.exposeInMainWorld.mockClear();
  electron.ipcRenderer.invoke.mockClear();
});

async function exposed(): Promise<Record<string, unknown>> {
  await import('../../electron/preload.ts');
  expect(electron.contextBridge.exposeInMainWorld).toHaveBeenCalledOnce();
  const [key, api] = electron.contextBridge.exposeInMainWorld.mock.calls[0] as unknown as [string, Record<string, unknown>];
  expect(key).toBe('daftari');
  return api;
}

describe('the preload bridge', () => {
  it('exposes exactly one key, daftari, holding exactly one function, call', async () => {
    const api = await exposed();
    expect(Object.keys(api)).toEqual(['call']);
    expect(typeof api.call).toBe('function');
  });

  it('sends each call as one invoke on the daftari:call channel and hands back the answer', async () => {
    const api = await exposed();
    const call = api.call as (route: string, input: unknown) => Promise<unknown>;
    await expect(call('people.list', { limit: 5 })).resolves.toEqual({ ok: true, value: 'answered' });
    expect(electron.ipcRenderer.invoke).toHaveBeenCalledExactlyOnceWith('daftari:call', { route: 'people.list', input: { limit: 5 } });
  });
});
