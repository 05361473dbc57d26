import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The renderer is loaded from app://dispatch/index.html in Electron (electron/security/app-protocol.ts)
// and from / in browser mode: relative asset paths resolve against either.
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    chunkSizeWarningLimit: 2500,
  },
});
