// The viewer's build: plain TypeScript modules, no framework. `kg serve` runs this build through
// Vite's API when viz/dist is missing or stale; `npm run build:viz` runs it by hand.
import { defineConfig } from 'vite';

export default defineConfig({
  root: import.meta.dirname,
  base: '/',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // No inline scripts or styles: the server's Content-Security-Policy allows only files from itself.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    chunkSizeWarningLimit: 1500,
  },
});
