import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

export interface EmbeddedServer {
  url: string;
  stop(): Promise<void>;
}

/**
 * PGlite behind a loopback Postgres socket, so the same postgres.js client serves both engines.
 * PGlite is one session: the socket server accepts a single connection, and the client pool must
 * use `max: 1` (a multiplexed second connection would run inside the first one's transaction).
 */
export async function startEmbedded(dataDir: string | null): Promise<EmbeddedServer> {
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const db = await PGlite.create(dataDir ?? undefined);
  const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0, maxConnections: 1 });
  await server.start();
  const address = (server as unknown as { server: import('node:net').Server }).server.address();
  if (!address || typeof address === 'string') throw new Error('PGlite socket server has no TCP address');
  return {
    url: `postgres://postgres@127.0.0.1:${address.port}/postgres`,
    async stop() {
      await server.stop();
      await db.close();
    },
  };
}
