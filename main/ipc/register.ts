/** Electron IPC: one `ipcMain.handle` per contract channel, guarded by a sender check; events go out with `send`. */
import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import { CHANNEL_NAMES, EVENT_NAMES, type Result } from '../../preload/contract';
import type { EventBus } from '../app/services';
import { dispatch } from './dispatch';
import type { Handlers } from './handlers';

/** What the IPC layer needs from the composition root. */
export interface IpcOptions {
  handlers: Handlers;
  /** The app window, once it exists. */
  window: () => BrowserWindow | null;
  /** True when a URL is the app's own page. */
  isAppUrl: (url: string) => boolean;
}

const FORBIDDEN: Result<never> = {
  ok: false,
  error: { code: 'forbidden', message: 'This call did not come from the Lightbox window.' },
};

/** True only for the top frame of our window showing our own page. */
export function senderAllowed(event: IpcMainInvokeEvent, o: Pick<IpcOptions, 'window' | 'isAppUrl'>): boolean {
  const window = o.window();
  const frame = event.senderFrame;
  if (!window || window.isDestroyed() || !frame) return false;
  if (event.sender !== window.webContents) return false;
  // Note: only the main frame, so an iframe (should one ever load) cannot call main. Frames are
  // compared by their ids: Electron may hand out different wrapper objects for the same frame.
  const main = window.webContents.mainFrame;
  if (frame.processId !== main.processId || frame.routingId !== main.routingId) return false;
  return o.isAppUrl(frame.url);
}

/** Registers every channel of the contract; returns a function that removes them. */
export function registerIpc(o: IpcOptions): () => void {
  for (const channel of CHANNEL_NAMES) {
    ipcMain.handle(channel, (event, request: unknown) => {
      if (!senderAllowed(event, o)) return FORBIDDEN;
      return dispatch(o.handlers, channel, request);
    });
  }
  return () => {
    for (const channel of CHANNEL_NAMES) ipcMain.removeHandler(channel);
  };
}

/** Sends every bus event to the window; returns a function that stops forwarding. */
export function forwardEvents(events: EventBus, window: () => BrowserWindow | null): () => void {
  const stops = EVENT_NAMES.map((name) =>
    events.on(name, (payload) => {
      const target = window();
      if (target && !target.isDestroyed()) target.webContents.send(name, payload);
    }),
  );
  return () => stops.forEach((stop) => stop());
}
