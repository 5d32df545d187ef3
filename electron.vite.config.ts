/** Builds out/main (ESM), out/preload/index.cjs (CommonJS, for the sandbox) and out/renderer. */
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import { fileURLToPath } from 'node:url';

const at = (p: string) => fileURLToPath(new URL(p, import.meta.url));

export default defineConfig({
  main: {
    build: {
      outDir: at('./out/main'),
      // Note: dependencies stay external (native sharp and SQLite, ESM-only electron-store load from
      // node_modules at run time); "type": "module" makes this bundle ESM, which Electron 45 loads.
      externalizeDeps: true,
      lib: { entry: at('./main/index.ts'), formats: ['es'], fileName: () => 'index.js' },
    },
  },
  preload: {
    build: {
      outDir: at('./out/preload'),
      // Note: a sandboxed preload can require only 'electron' and a few built-ins, so everything it
      // uses (the contract, zod) is bundled, and the output must be CommonJS, not .mjs.
      externalizeDeps: false,
      lib: { entry: at('./preload/index.ts'), formats: ['cjs'], fileName: () => 'index.cjs' },
    },
  },
  renderer: {
    root: at('./renderer'),
    base: './',
    plugins: [react()],
    build: {
      outDir: at('./out/renderer'),
      emptyOutDir: true,
      rolldownOptions: { input: at('./renderer/index.html') },
    },
  },
});
