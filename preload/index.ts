/** The preload bridge: exposes `window.lightbox` verbs built from the contract; nothing else. */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { buildVerbs, CHANNEL_NAMES, EVENT_NAMES, type LightboxBridge, type Result } from './contract';

/** Subscribes to one main-process event; the page gets the payload only, never Electron's event object. */
const on: LightboxBridge['on'] = (event, listener) => {
  if (!EVENT_NAMES.includes(event)) throw new Error(`Unknown event: ${String(event)}`);
  const wrapped = (_event: IpcRendererEvent, payload: unknown) => listener(payload as Parameters<typeof listener>[0]);
  ipcRenderer.on(event, wrapped);
  return () => {
    ipcRenderer.removeListener(event, wrapped);
  };
};

const bridge: LightboxBridge = {
  ...buildVerbs(CHANNEL_NAMES, (channel, request) => ipcRenderer.invoke(channel, request) as Promise<Result<unknown>>),
  on,
};

contextBridge.exposeInMainWorld('lightbox', bridge);
