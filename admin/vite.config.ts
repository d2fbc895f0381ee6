/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { precompress } from './build/precompress.ts';

// The API and the socket share the page's origin in production; in development Vite proxies them.
export default defineConfig({
  // Brotli and gzip copies of the bundle, written once here and served by the server as they are.
  plugins: [react(), precompress()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
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
