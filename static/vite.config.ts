import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

/** The front end reaches the back end only through the contract (eslint/layers.js keeps it so). */
export const contractAlias = { '@contract': fileURLToPath(new URL('../src/contract', import.meta.url)) };

/**
 * One Custom UI bundle for every module. `base: './'` because Forge serves the resource from a CDN path that is
 * unknown at build time (and the playground serves it under /app/): every asset URL must be relative.
 * Typechecking runs before bundling in `npm run build:static` (Vite only strips types).
 */
export default defineConfig({
  root,
  base: './',
  publicDir: 'public',
  plugins: [react()],
  resolve: { alias: contractAlias },
  build: {
    outDir: 'app/build',
    emptyOutDir: true,
    // No source maps: forge deploy uploads this folder as the app's resource, and every user would download them.
    sourcemap: false,
    // Atlaskit is large; the surfaces are split per capability by lazy imports in surfaces.tsx.
    chunkSizeWarningLimit: 1500,
  },
  server: { port: 5173, strictPort: true },
});
