import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { build } from 'vite';

const BARE_ROOT = path.resolve(import.meta.dirname, '../../map-bare');
const ADMIN_MODULES = path.resolve(import.meta.dirname, '../../../admin/node_modules');

const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.png': 'image/png', '.svg': 'image/svg+xml' };

/** `bench/map-bare/` built for production, against the admin's own copies of Leaflet and supercluster. */
export async function buildBarePage(outDir: string): Promise<void> {
  await build({
    configFile: false,
    root: BARE_ROOT,
    logLevel: 'error',
    resolve: { alias: { leaflet: path.join(ADMIN_MODULES, 'leaflet'), supercluster: path.join(ADMIN_MODULES, 'supercluster') } },
    build: { outDir, emptyOutDir: true },
  });
}

export interface BareServer {
  origin: string;
  close(): Promise<void>;
}

/**
 * The built bare page on loopback, and at `/points.json` the very bytes (gzip) the server answered
 * the admin's points request with, so both pages parse and draw the same payload.
 */
export async function serveBarePage(dist: string, pointsGzip: Buffer): Promise<BareServer> {
  const server = createServer(async (req, res) => {
    const pathname = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (pathname === '/points.json') {
      res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip', 'content-length': pointsGzip.length, 'cache-control': 'no-store' });
      res.end(pointsGzip);
      return;
    }
    const file = path.join(dist, pathname === '/' ? 'index.html' : path.normalize(pathname));
    if (!file.startsWith(dist)) return void res.writeHead(404).end();
    try {
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
      res.end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
