/** Electron composition root: app lifecycle, services, IPC, the thumb scheme and the window. */
import { app, BrowserWindow, dialog, net, shell } from 'electron';
import Store from 'electron-store';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Settings } from '../preload/contract';
import { createServices } from './app/create-services';
import { resolveHome } from './app/paths';
import { createHandlers } from './ipc/handlers';
import { forwardEvents, registerIpc } from './ipc/register';
import { createSafeStorageCipher } from './secrets/cipher';
import { createSecretService } from './secrets/secret-service';
import { withEnvOverrides } from './settings/env-overrides';
import { settingsStoreOptions } from './settings/settings-schema';
import { createSettingsService } from './settings/settings-service';
import { handleThumbProtocol, registerThumbScheme, thumbUrl } from './thumbs/protocol';
import { createMainWindow, isAppUrl, type AppPage } from './window';

const outDir = path.dirname(fileURLToPath(import.meta.url));
const page: AppPage = {
  preload: path.join(outDir, '../preload/index.cjs'),
  rendererFile: path.join(outDir, '../renderer/index.html'),
  devUrl: app.isPackaged ? undefined : process.env['ELECTRON_RENDERER_URL'],
};
const home = resolveHome();
let mainWindow: BrowserWindow | null = null;
let services: ReturnType<typeof createServices> | null = null;

// Note: these must run before `ready`: a scheme registered later is not privileged, and Chromium
// reads userData at start-up (LIGHTBOX_HOME moves the whole profile, not only the catalog).
registerThumbScheme();
app.setName('Lightbox');
app.setPath('userData', home);

/** Builds every service for the Electron shell. */
function buildServices(): ReturnType<typeof createServices> {
  const store = new Store<Settings>({ ...settingsStoreOptions(home), name: 'settings' });
  return createServices({
    home,
    shell: 'electron',
    version: app.getVersion(),
    settings: withEnvOverrides(createSettingsService(store)),
    secrets: createSecretService({ cipher: createSafeStorageCipher(), file: path.join(home, 'secrets.json') }),
    thumbUrl,
    chooseFolder: async () => {
      const options = { title: 'Add a photo folder', properties: ['openDirectory' as const] };
      const picked = mainWindow
        ? await dialog.showOpenDialog(mainWindow, options)
        : await dialog.showOpenDialog(options);
      return picked.canceled ? null : (picked.filePaths[0] ?? null);
    },
    revealFile: (absPath) => shell.showItemInFolder(absPath),
    // Note: Chromium's own view of the network; auto-sync asks it before trying the API.
    online: () => Promise.resolve(net.isOnline()),
  });
}

/** Opens the window (again, on macOS after all windows were closed). */
function openWindow(): void {
  mainWindow = createMainWindow(page);
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
}

/** Everything that happens once Electron is ready. */
function start(): void {
  // Note: createSyncService turns uploads left `sending` by a crash into `uncertain` here.
  services = buildServices();
  registerIpc({ handlers: createHandlers(services), window: () => mainWindow, isAppUrl: (url) => isAppUrl(page, url) });
  forwardEvents(services.events, () => mainWindow);
  handleThumbProtocol(services.thumbs);
  openWindow();
}

/** Shows why start-up failed and quits. */
function failStart(error: unknown): void {
  console.error('[lightbox] start-up failed:', error);
  dialog.showErrorBox('Lightbox could not start', error instanceof Error ? error.message : String(error));
  app.exit(1);
}

if (!app.requestSingleInstanceLock()) {
  // Note: a second instance would open the same SQLite catalog; hand over to the first one instead.
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (services && BrowserWindow.getAllWindows().length === 0) openWindow();
  });
  app.on('will-quit', () => {
    services?.autoSync.stop();
    // Note: stop uploads before the catalog closes, so no request writes its outcome to a closed database.
    services?.sync.cancel();
    services?.catalog.close();
  });
  app.whenReady().then(start).catch(failStart);
}
