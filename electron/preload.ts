// The window's whole view of the machine: one function, `window.daftari.call`. A sandboxed preload
// may only require('electron'); the bundler inlines the two constants below.
import { contextBridge, ipcRenderer } from 'electron';
import { BRIDGE_KEY, CALL_CHANNEL, type CallRequest, type DaftariBridge } from '../db/contract/bridge.ts';

const bridge: DaftariBridge = {
  call: (route, input) => ipcRenderer.invoke(CALL_CHANNEL, { route, input } satisfies CallRequest),
};

contextBridge.exposeInMainWorld(BRIDGE_KEY, bridge);
