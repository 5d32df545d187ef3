/** Where Lightbox keeps its data: the catalog, the thumbnail cache, settings and the encrypted key. */
import os from 'node:os';
import path from 'node:path';

/**
 * The Lightbox home folder: `LIGHTBOX_HOME` when set, else the platform's app-data folder +
 * `/Lightbox`, which is what Electron's `app.getPath('userData')` gives for our product name.
 */
export function resolveHome(env: NodeJS.ProcessEnv = process.env): string {
  const explicit = env['LIGHTBOX_HOME'];
  if (explicit && explicit.trim() !== '') return path.resolve(explicit);
  const home = env['HOME'] ?? os.homedir();
  if (process.platform === 'win32') {
    return path.join(env['APPDATA'] ?? path.join(home, 'AppData', 'Roaming'), 'Lightbox');
  }
  if (process.platform === 'darwin') {
    return path.join(home, 'Library', 'Application Support', 'Lightbox');
  }
  const config = env['XDG_CONFIG_HOME'];
  return path.join(config && config.trim() !== '' ? config : path.join(home, '.config'), 'Lightbox');
}

/** The catalog database file inside a home folder. */
export function catalogFile(home: string): string {
  return path.join(home, 'catalog.sqlite');
}

/** The thumbnail cache folder inside a home folder. */
export function thumbsDir(home: string): string {
  return path.join(home, 'thumbs');
}
