/** The one app window: isolated, sandboxed, no Node in the page, strict CSP, no navigation or pop-ups. */
import { BrowserWindow, session } from 'electron';
import { pathToFileURL } from 'node:url';

/** Where the window's page and preload come from. */
export interface AppPage {
  /** Absolute path of the built preload (`out/preload/index.cjs`). */
  preload: string;
  /** Absolute path of the built renderer page (`out/renderer/index.html`). */
  rendererFile: string;
  /** The dev server URL (`electron-vite dev`), when running from source. */
  devUrl?: string | undefined;
}

/** The app's Content-Security-Policy: images only from itself, the thumb scheme and data: URLs. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "img-src 'self' thumb: data:",
  "style-src 'self' 'unsafe-inline'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** True when `url` is the app's own page (the built file, or the dev server's origin). */
export function isAppUrl(page: AppPage, url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (page.devUrl) return parsed.origin === new URL(page.devUrl).origin;
  parsed.hash = '';
  parsed.search = '';
  return parsed.href === pathToFileURL(page.rendererFile).href;
}

/** Adds the CSP header to the app's own pages (the page also carries it as a meta tag for file://). */
function applyContentSecurityPolicy(page: AppPage): void {
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    if (!isAppUrl(page, details.url) && !(page.devUrl && details.url.startsWith(page.devUrl))) {
      callback({});
      return;
    }
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
  });
  // Note: the app needs no camera, location, notifications or other web permissions.
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
}

/** Creates the main window and loads the app page. */
export function createMainWindow(page: AppPage): BrowserWindow {
  applyContentSecurityPolicy(page);
  const window = new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 720,
    minHeight: 480,
    show: false,
    title: 'Lightbox',
    backgroundColor: '#1b1d21',
    webPreferences: {
      preload: page.preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      // Note: middle-click must not open links (Electron security checklist; electronegativity AUXCLICK).
      disableBlinkFeatures: 'Auxclick',
    },
  });
  const contents = window.webContents;
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  window.once('ready-to-show', () => window.show());
  if (page.devUrl) void window.loadURL(page.devUrl);
  else void window.loadFile(page.rendererFile);
  return window;
}
