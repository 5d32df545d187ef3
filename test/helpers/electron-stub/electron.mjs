// A recording stand-in for Electron's main-process API, enough to start the built main bundle in Node.
// Every call the app makes is appended to `calls` with whether `ready` had fired yet.
import { EventEmitter } from 'node:events';
import { readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** Everything the app did, in order. */
export const calls = [];
let ready = false;
let resolveReady;
const readyPromise = new Promise((resolve) => {
  resolveReady = resolve;
});

function record(api, detail = {}) {
  calls.push({ api, ready, ...detail });
}

const paths = { userData: path.join(os.tmpdir(), 'electron-stub-userData'), temp: os.tmpdir(), home: os.homedir() };

class App extends EventEmitter {
  isPackaged = false;
  name = 'electron-stub';
  whenReady() {
    record('app.whenReady');
    return readyPromise;
  }
  isReady() {
    return ready;
  }
  setName(name) {
    record('app.setName', { name });
    this.name = name;
  }
  getName() {
    return this.name;
  }
  setPath(name, value) {
    record('app.setPath', { name, value });
    paths[name] = value;
  }
  getPath(name) {
    return paths[name] ?? path.join(os.tmpdir(), `electron-stub-${name}`);
  }
  getVersion() {
    return '0.0.0-stub';
  }
  getAppPath() {
    return process.cwd();
  }
  requestSingleInstanceLock() {
    record('app.requestSingleInstanceLock');
    return true;
  }
  quit() {
    record('app.quit');
  }
  exit(code) {
    record('app.exit', { code });
  }
}

/** The app object. */
export const app = new App();

/** Fires `ready` as Electron would. */
export function emitReady() {
  ready = true;
  app.emit('ready');
  resolveReady();
}

let nextRoutingId = 1;
class WebFrameMain {
  url = '';
  parent = null;
  processId = 4;
  routingId = nextRoutingId++;
}

class WebContents extends EventEmitter {
  mainFrame = new WebFrameMain();
  sent = [];
  windowOpenHandler = null;
  setWindowOpenHandler(handler) {
    record('webContents.setWindowOpenHandler');
    this.windowOpenHandler = handler;
  }
  send(channel, payload) {
    this.sent.push({ channel, payload });
  }
  isDestroyed() {
    return false;
  }
}

/** Windows, recording their options. */
export class BrowserWindow extends EventEmitter {
  static instances = [];
  static getAllWindows() {
    return BrowserWindow.instances.filter((w) => !w.destroyed);
  }
  destroyed = false;
  webContents = new WebContents();
  constructor(options = {}) {
    super();
    this.options = options;
    record('BrowserWindow', { options });
    BrowserWindow.instances.push(this);
  }
  async loadFile(file) {
    record('BrowserWindow.loadFile', { file });
    this.webContents.mainFrame.url = pathToFileURL(file).href;
  }
  async loadURL(url) {
    record('BrowserWindow.loadURL', { url });
    this.webContents.mainFrame.url = url;
  }
  isDestroyed() {
    return this.destroyed;
  }
  isMinimized() {
    return false;
  }
  restore() {}
  focus() {}
  show() {
    record('BrowserWindow.show');
  }
}

/** ipcMain with a way to call a registered handler as a renderer would. */
export const ipcMain = {
  handlers: new Map(),
  listeners: new Map(),
  handle(channel, handler) {
    record('ipcMain.handle', { channel });
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, handler);
  },
  removeHandler(channel) {
    this.handlers.delete(channel);
  },
  on(channel, listener) {
    record('ipcMain.on', { channel });
    this.listeners.set(channel, listener);
  },
  async invoke(channel, event, request) {
    const handler = this.handlers.get(channel);
    if (!handler) throw new Error(`No handler registered for '${channel}'`);
    return handler(event, request);
  },
};

/** protocol, recording scheme registration and handlers. */
export const protocol = {
  handlers: new Map(),
  registerSchemesAsPrivileged(schemes) {
    if (ready) throw new Error('protocol.registerSchemesAsPrivileged must be called before app is ready');
    record('protocol.registerSchemesAsPrivileged', { schemes });
  },
  handle(scheme, handler) {
    record('protocol.handle', { scheme });
    this.handlers.set(scheme, handler);
  },
};

/** The default session, keeping the hooks the app installs. */
export const session = {
  defaultSession: {
    headersHook: null,
    permissionHandler: null,
    webRequest: {
      onHeadersReceived(listener) {
        record('session.webRequest.onHeadersReceived');
        session.defaultSession.headersHook = listener;
      },
    },
    setPermissionRequestHandler(handler) {
      record('session.setPermissionRequestHandler');
      session.defaultSession.permissionHandler = handler;
    },
  },
};

/** safeStorage as on a Linux machine without a key ring: `basic_text`. */
export const safeStorage = {
  backend: 'basic_text',
  isEncryptionAvailable() {
    record('safeStorage.isEncryptionAvailable');
    return true;
  },
  getSelectedStorageBackend() {
    if (!ready) throw new Error('safeStorage.getSelectedStorageBackend is only available after ready');
    return safeStorage.backend;
  },
  encryptString(text) {
    record('safeStorage.encryptString');
    return Buffer.from(text, 'utf8').reverse();
  },
  decryptString(data) {
    record('safeStorage.decryptString');
    return Buffer.from(data).reverse().toString('utf8');
  },
};

/** dialog: pickers cancel; error boxes are recorded (a start-up failure shows one). */
export const dialog = {
  async showOpenDialog() {
    record('dialog.showOpenDialog');
    return { canceled: true, filePaths: [] };
  },
  showErrorBox(title, content) {
    record('dialog.showErrorBox', { title, content });
  },
};

/** shell, recorded. */
export const shell = {
  showItemInFolder(file) {
    record('shell.showItemInFolder', { file });
  },
  async openPath() {
    return '';
  },
};

/** net.fetch for file: URLs (what the thumb scheme uses). */
export const net = {
  isOnline() {
    record('net.isOnline', {});
    return true;
  },
  async fetch(url) {
    record('net.fetch', { url });
    const body = await readFile(fileURLToPath(url));
    return new Response(body, { status: 200 });
  },
};

/** Not available in the main process; present so a wrong import fails loudly in use, not at load. */
export const contextBridge = undefined;
export const ipcRenderer = undefined;

export default { app, BrowserWindow, ipcMain, protocol, session, safeStorage, dialog, shell, net };
