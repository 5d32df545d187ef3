/** Builds the renderer for the web shell into out/web, with the web bridge injected before the app. */
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';

/** Injects preload/web-bridge.ts as the first module script of index.html (web build only). */
function webBridge(): Plugin {
  return {
    name: 'lightbox-web-bridge',
    transformIndexHtml: {
      // Note: 'pre' runs before Vite bundles the page's scripts, so the bridge is bundled in
      // and runs before the app's module (scripts of one page keep their order).
      order: 'pre',
      handler: (html) =>
        html.replace(
          '<script type="module" src="./src/main.tsx">',
          '<script type="module" src="../preload/web-bridge.ts"></script>\n    <script type="module" src="./src/main.tsx">',
        ),
    },
  };
}

export default defineConfig({
  root: fileURLToPath(new URL('./renderer', import.meta.url)),
  base: '/',
  plugins: [webBridge(), react()],
  build: {
    outDir: fileURLToPath(new URL('./out/web', import.meta.url)),
    emptyOutDir: true,
  },
});
