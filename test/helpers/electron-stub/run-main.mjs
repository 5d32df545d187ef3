// Starts the built main bundle (out/main/index.js) in Node with 'electron' replaced by the recording
// stand-in, fires `ready`, probes what the app registered, and prints one JSON report on stdout.
// Usage: node run-main.mjs <path to out/main/index.js>   (LIGHTBOX_HOME should point at a temp dir)
import { mkdtempSync } from 'node:fs';
import { register } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

register('./hooks.mjs', import.meta.url);
const stub = await import('./electron.mjs');
const errors = [];
process.on('uncaughtException', (e) => errors.push(`uncaught: ${e?.stack ?? e}`));
process.on('unhandledRejection', (e) => errors.push(`unhandled rejection: ${e?.stack ?? e}`));

/** Waits until `check()` is truthy (bounded by a count of event-loop turns, not a clock). */
async function until(check, turns = 400) {
  for (let i = 0; i < turns && !check(); i++) await new Promise((r) => setTimeout(r, 10));
  return check();
}

const report = { errors, calls: stub.calls, probes: {} };
try {
  await import(pathToFileURL(path.resolve(process.argv[2])).href);
  report.beforeReady = stub.calls.map((c) => c.api);
  stub.emitReady();
  await until(() => stub.BrowserWindow.instances.length > 0 || stub.calls.some((c) => c.api === 'dialog.showErrorBox'));
  const win = stub.BrowserWindow.instances[0];
  if (win) await probe(win, report.probes);
} catch (e) {
  errors.push(`load: ${e?.stack ?? e}`);
}
process.stdout.write(`\n@@REPORT@@${JSON.stringify(report)}\n`);
process.exit(0);

/** Calls what the app registered the way Electron would, and records the answers. */
async function probe(win, out) {
  const contents = win.webContents;
  const ours = { sender: contents, senderFrame: contents.mainFrame };
  out.pageUrl = contents.mainFrame.url;
  out.appInfo = await stub.ipcMain.invoke('app.info', ours, {});
  const evilFrame = { url: 'https://evil.example/', parent: null, processId: 4, routingId: 999 };
  out.foreignFrame = await stub.ipcMain.invoke('app.info', { sender: contents, senderFrame: evilFrame }, {});
  out.otherSender = await stub.ipcMain.invoke('app.info', { sender: {}, senderFrame: contents.mainFrame }, {});
  out.noFrame = await stub.ipcMain.invoke('app.info', { sender: contents, senderFrame: null }, {});
  const pageUrl = contents.mainFrame.url;
  contents.mainFrame.url = 'https://evil.example/';
  out.navigatedAway = await stub.ipcMain.invoke('app.info', ours, {});
  contents.mainFrame.url = pageUrl;
  const sameIdsCopy = { ...contents.mainFrame };
  out.sameFrameCopy = await stub.ipcMain.invoke('app.info', { sender: contents, senderFrame: sameIdsCopy }, {});
  out.badRequest = await stub.ipcMain.invoke('photos.get', ours, { id: -1, extra: true });
  out.settings = await stub.ipcMain.invoke('settings.get', ours, {});
  out.keyStatus = await stub.ipcMain.invoke('secrets.setKey', ours, { key: 'stub-key-0123456789' });

  const headers = await new Promise((resolve) =>
    stub.session.defaultSession.headersHook({ url: out.pageUrl, responseHeaders: {} }, resolve),
  );
  out.cspHeader = headers.responseHeaders?.['Content-Security-Policy'] ?? null;
  let prevented = false;
  contents.emit('will-navigate', { preventDefault: () => (prevented = true) }, 'https://evil.example/');
  out.navigationPrevented = prevented;
  out.windowOpen = contents.windowOpenHandler?.({ url: 'https://evil.example/' }) ?? null;

  const thumb = stub.protocol.handlers.get('thumb');
  if (thumb) {
    const missing = await thumb(new Request('thumb://photo/424242'));
    const traversal = await thumb(new Request('thumb://photo/..%2F..%2Fetc%2Fpasswd'));
    out.thumbMissing = { status: missing.status, type: missing.headers.get('content-type') };
    out.thumbTraversal = { status: traversal.status };
  }

  const folder = mkdtempSync(path.join(os.tmpdir(), 'lightbox-stub-folder-'));
  out.folderAdd = await stub.ipcMain.invoke('folders.add', ours, { path: folder });
  await until(() => contents.sent.length > 0);
  out.sentEvents = [...new Set(contents.sent.map((s) => s.channel))];
}
