/** Builds the web shell's renderer for one e2e file, from the same vite.web.config.ts that `npm run web` uses. */
import path from 'node:path';
import { build } from 'vite';
import { repoRoot } from '../../helpers/corpus';

/** Builds into `<tmp>/web` and returns that folder (the web shell's `staticDir`). */
export async function buildWebRenderer(tmp: string): Promise<string> {
  const staticDir = path.join(tmp, 'web');
  await build({
    configFile: path.join(repoRoot, 'vite.web.config.ts'),
    logLevel: 'warn',
    build: { outDir: staticDir, emptyOutDir: true },
  });
  return staticDir;
}
