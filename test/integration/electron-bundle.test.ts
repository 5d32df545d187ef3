// The built Electron bundles, started in Node with 'electron' replaced by a recording stand-in: a
// module-format mistake or an insecure window fails here instead of at a photographer's first launch.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runInThisContext } from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANNEL_NAMES } from '../../preload/contract';
import { BUNDLES, ensureBuilt, REPO_ROOT } from '../helpers/electron-stub/built-bundles';

interface Call {
  api: string;
  ready: boolean;
  [key: string]: unknown;
}
interface Report {
  errors: string[];
  calls: Call[];
  beforeReady: string[];
  probes: Record<string, unknown>;
}

let home: string;
let report: Report;

beforeAll(() => {
  ensureBuilt();
  home = mkdtempSync(path.join(tmpdir(), 'lightbox-electron-'));
  const run = spawnSync(process.execPath, ['test/helpers/electron-stub/run-main.mjs', BUNDLES.main], {
    cwd: REPO_ROOT,
    env: { ...process.env, LIGHTBOX_HOME: home, MEMORIES_API_BASE: '', MEMORIES_UNIQUE_ID: '' },
    encoding: 'utf8',
    timeout: 60_000,
  });
  const line = run.stdout.split('\n').find((l) => l.startsWith('@@REPORT@@'));
  if (!line) throw new Error(`main bundle produced no report (exit ${run.status}):\n${run.stdout}\n${run.stderr}`);
  report = JSON.parse(line.slice('@@REPORT@@'.length)) as Report;
});
afterAll(() => rmSync(home, { recursive: true, force: true }));

const callsOf = (api: string) => report.calls.filter((c) => c.api === api);

describe('main bundle (out/main/index.js) in a recording Electron stand-in', () => {
  it('loads and starts without errors or an error box', () => {
    expect(report.errors).toEqual([]);
    expect(callsOf('dialog.showErrorBox')).toEqual([]);
    expect(callsOf('app.exit')).toEqual([]);
    expect(callsOf('app.quit')).toEqual([]);
  });

  it('registers the thumb scheme as privileged before ready', () => {
    expect(report.beforeReady).toContain('protocol.registerSchemesAsPrivileged');
    const [registration, ...more] = callsOf('protocol.registerSchemesAsPrivileged');
    expect(more).toEqual([]);
    expect(registration?.ready).toBe(false);
    expect(registration?.schemes).toEqual([
      { scheme: 'thumb', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
    expect(callsOf('protocol.handle').map((c) => c.scheme)).toEqual(['thumb']);
  });

  it('takes the single-instance lock and puts the profile in LIGHTBOX_HOME', () => {
    expect(callsOf('app.requestSingleInstanceLock')).toHaveLength(1);
    expect(callsOf('app.setPath')).toContainEqual(
      expect.objectContaining({ name: 'userData', value: home, ready: false }),
    );
    expect(existsSync(path.join(home, 'settings.json'))).toBe(true);
    expect(existsSync(path.join(home, 'catalog.sqlite'))).toBe(true);
  });

  it('creates one window with the secure options and the CommonJS preload', () => {
    const windows = callsOf('BrowserWindow');
    expect(windows).toHaveLength(1);
    const prefs = (windows[0]?.options as { webPreferences: Record<string, unknown> }).webPreferences;
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
      disableBlinkFeatures: 'Auxclick',
    });
    expect(prefs.preload).toBe(BUNDLES.preload);
    expect(existsSync(String(prefs.preload))).toBe(true);
    expect(callsOf('BrowserWindow.loadFile').map((c) => c.file)).toEqual([BUNDLES.renderer]);
  });

  it('registers exactly the contract channels, after ready', () => {
    const handled = callsOf('ipcMain.handle');
    expect(handled.map((c) => c.channel).sort()).toEqual([...CHANNEL_NAMES].sort());
    expect(handled.every((c) => c.ready)).toBe(true);
  });

  it('answers our window and refuses any other sender', () => {
    const p = report.probes;
    expect(p.appInfo).toEqual({
      ok: true,
      value: { version: '0.0.0-stub', shell: 'electron', platform: process.platform },
    });
    expect(p.sameFrameCopy).toMatchObject({ ok: true });
    for (const refused of [p.foreignFrame, p.otherSender, p.noFrame, p.navigatedAway]) {
      expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    expect(p.badRequest).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    expect(p.settings).toMatchObject({ ok: true, value: { apiBase: 'https://api.memories.ai', thumbSize: 320 } });
  });

  it('denies navigation and new windows and sends the CSP header', () => {
    const p = report.probes;
    expect(p.navigationPrevented).toBe(true);
    expect(p.windowOpen).toEqual({ action: 'deny' });
    const csp = (p.cspHeader as string[] | null)?.[0] ?? '';
    expect(csp).toMatch(/img-src 'self' thumb: data:(;|$)/);
    expect(csp).toMatch(/script-src 'self'(;|$)/);
  });

  it('keeps the key off disk when safeStorage is basic_text and says so', () => {
    const status = report.probes.keyStatus as { ok: boolean; value: Record<string, unknown> };
    expect(status.value).toMatchObject({ hasKey: true, canEncrypt: false, backend: 'basic_text' });
    expect(String(status.value.message)).toMatch(/session only/);
    expect(JSON.stringify(status)).not.toContain('stub-key-0123456789');
    expect(existsSync(path.join(home, 'secrets.json'))).toBe(false);
    expect(callsOf('safeStorage.encryptString')).toEqual([]);
  });

  it('serves thumbnails by id only', () => {
    expect(report.probes.thumbMissing).toMatchObject({ status: 404 });
    expect(report.probes.thumbTraversal).toEqual({ status: 404 });
  });

  it('adds a folder over IPC and forwards bus events to the window', () => {
    expect(report.probes.folderAdd).toMatchObject({ ok: true, value: { id: expect.any(Number) } });
    expect(report.probes.sentEvents).toEqual(expect.arrayContaining([expect.stringMatching(/^(catalog|scan):/)]));
  });
});

interface PreloadLog {
  exposed: { name: string; api: Record<string, unknown> }[];
  invoked: { channel: string; request: unknown }[];
  listeners: Map<string, ((...args: unknown[]) => void)[]>;
  required: string[];
}

/** Runs out/preload/index.cjs as a sandboxed preload would: only `require('electron')` works. */
function loadPreload(): PreloadLog {
  const log: PreloadLog = { exposed: [], invoked: [], listeners: new Map(), required: [] };
  const electron = {
    contextBridge: {
      exposeInMainWorld: (name: string, api: Record<string, unknown>) => log.exposed.push({ name, api }),
    },
    ipcRenderer: {
      invoke: (channel: string, request: unknown) => {
        log.invoked.push({ channel, request });
        return Promise.resolve({ ok: true, value: channel });
      },
      on: (channel: string, fn: (...args: unknown[]) => void) => {
        log.listeners.set(channel, [...(log.listeners.get(channel) ?? []), fn]);
      },
      removeListener: (channel: string, fn: (...args: unknown[]) => void) => {
        log.listeners.set(
          channel,
          (log.listeners.get(channel) ?? []).filter((f) => f !== fn),
        );
      },
    },
  };
  const sandboxRequire = (id: string) => {
    log.required.push(id);
    if (id === 'electron') return electron;
    throw new Error(`a sandboxed preload cannot require '${id}'`);
  };
  const code = readFileSync(BUNDLES.preload, 'utf8');
  const wrapper = runInThisContext(`(function (exports, require, module, __filename, __dirname) {${code}\n})`) as (
    ...args: unknown[]
  ) => void;
  const module = { exports: {} };
  wrapper(module.exports, sandboxRequire, module, BUNDLES.preload, path.dirname(BUNDLES.preload));
  return log;
}

describe('preload bundle (out/preload/index.cjs)', () => {
  it('is the only preload output, and CommonJS', () => {
    expect(readdirSync(path.dirname(BUNDLES.preload))).toEqual(['index.cjs']);
    expect(readFileSync(BUNDLES.preload, 'utf8')).not.toMatch(/^\s*(import|export)\s/m);
  });

  it('exposes window.lightbox with a verb for every channel and nothing more', async () => {
    const log = loadPreload();
    expect(log.required).toEqual(['electron']);
    expect(log.exposed.map((e) => e.name)).toEqual(['lightbox']);
    const api = log.exposed[0]!.api as Record<string, Record<string, (r?: unknown) => Promise<unknown>>>;
    const areas = new Set(CHANNEL_NAMES.map((c) => c.split('.')[0]!));
    expect(Object.keys(api).sort()).toEqual([...areas, 'on'].sort());
    for (const channel of CHANNEL_NAMES) {
      const [area, verb] = channel.split('.') as [string, string];
      expect(typeof api[area]?.[verb], channel).toBe('function');
      await expect(api[area]![verb]!({ probe: channel })).resolves.toEqual({ ok: true, value: channel });
    }
    expect(log.invoked).toEqual(CHANNEL_NAMES.map((channel) => ({ channel, request: { probe: channel } })));
  });

  it('passes event payloads without the Electron event object, and unsubscribes', () => {
    const log = loadPreload();
    const on = log.exposed[0]!.api.on as (event: string, fn: (...args: unknown[]) => void) => () => void;
    const received: unknown[][] = [];
    const off = on('catalog:changed', (...args) => received.push(args));
    const [listener] = log.listeners.get('catalog:changed') ?? [];
    listener?.({ sender: 'secret ipc event', ports: [] }, { ids: [7] });
    expect(received).toEqual([[{ ids: [7] }]]);
    off();
    expect(log.listeners.get('catalog:changed')).toEqual([]);
    expect(() => on('not-an-event', () => {})).toThrow();
  });
});
