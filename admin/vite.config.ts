/// <reference types="vitest/config" />
import { resolve } from 'node:path';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { precompress } from './build/precompress.ts';

/** In development, the public pages' paths get their own HTML, as the server does in production. */
const publicPages = (): Plugin => ({
  name: 'vigie-public-pages',
  configureServer(server) {
    server.middlewares.use((req, _res, next) => {
      if (req.url && /^\/(inscription|desabonnement)(\/|\?|$)/.test(req.url)) req.url = `/inscription.html${req.url.replace(/^[^?]*/, '')}`;
      next();
    });
  },
});

// The API and the socket share the page's origin in production; in development Vite proxies them.
export default defineConfig({
  // Brotli and gzip copies of the bundle, written once here and served by the server as they are.
  plugins: [react(), publicPages(), precompress()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // Two pages: the react-admin app at / and the residents' small public page (no MUI in it).
    rollupOptions: {
      input: { main: resolve(import.meta.dirname, 'index.html'), inscription: resolve(import.meta.dirname, 'inscription.html') },
    },
  },
  // `pnpm --filter @vigie/admin test` runs here; the root vitest.config.ts declares the same project.
  test: { name: 'admin', include: ['src/**/*.test.ts', 'build/**/*.test.ts'], environment: 'node' },
  server: {
    port: 5173,
    strictPort: true,
    proxy: {
      '/api': { target: 'http://localhost:3000', changeOrigin: false },
      '/socket.io': { target: 'http://localhost:3000', ws: true, changeOrigin: false },
    },
  },
});
