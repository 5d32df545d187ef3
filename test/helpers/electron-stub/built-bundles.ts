/** Locates the built bundles, building once when they are missing (`npm test` builds before vitest). */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root. */
export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** Paths of the bundles electron-vite produces. */
export const BUNDLES = {
  main: path.join(REPO_ROOT, 'out/main/index.js'),
  preload: path.join(REPO_ROOT, 'out/preload/index.cjs'),
  renderer: path.join(REPO_ROOT, 'out/renderer/index.html'),
};

/** Runs `electron-vite build` unless every bundle is already there. */
export function ensureBuilt(): void {
  if (Object.values(BUNDLES).every((file) => existsSync(file))) return;
  execFileSync(process.execPath, [path.join(REPO_ROOT, 'node_modules/electron-vite/bin/electron-vite.js'), 'build'], {
    cwd: REPO_ROOT,
    stdio: 'inherit',
  });
}
