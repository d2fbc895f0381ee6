import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { TEST_ADMIN_URL, throwawayDatabases } from '@vigie/db/testing';
import { freePort, startServerProcess, type ServerProcess } from '../../server/src/test/serverProcess.ts';
import { startNginx } from './proxy.ts';

export const TLS_ENV = { baseURL: 'VIGIE_TLS_BASE_URL', databaseUrl: 'VIGIE_TLS_DATABASE_URL' } as const;

const ADMIN_DIST = path.resolve(import.meta.dirname, '../../admin/dist');
const databases = throwawayDatabases('vigie_e2e_tls', process.env.VIGIE_E2E_ADMIN_URL ?? TEST_ADMIN_URL);

/**
 * Production's shape on loopback: nginx terminating TLS with a certificate made for this run, in
 * front of Vigie (plain HTTP, TRUST_PROXY=1, PUBLIC_URL=https://…) on a throwaway PostgreSQL
 * database with the demo data. Returns the teardown.
 */
export default async function globalSetup() {
  await databases.dropOrphans();
  const database = await databases.create();
  const dir = mkdtempSync(path.join(tmpdir(), 'vigie-tls-'));
  const proxyPort = await freePort();
  const baseURL = `https://localhost:${proxyPort}`;
  let server: ServerProcess | undefined;
  let proxy: { stop(): Promise<void> } | undefined;
  try {
    server = await startServerProcess({
      env: {
        DATABASE_URL: database.url,
        VIGIE_DEMO: '1',
        NODE_ENV: 'test',
        PUBLIC_URL: baseURL,
        TRUST_PROXY: '1',
        LOG_LEVEL: 'warn',
        ADMIN_DIST,
      },
    });
    proxy = await startNginx({ dir, port: proxyPort, upstreamPort: server.port });
  } catch (error) {
    await proxy?.stop();
    await server?.stop();
    await database.drop();
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  process.env[TLS_ENV.baseURL] = baseURL;
  process.env[TLS_ENV.databaseUrl] = database.url;
  console.log(`[e2e:tls] nginx ${baseURL} → Vigie ${server.url} on database ${database.name}`);
  return async function globalTeardown() {
    await proxy?.stop();
    await server?.stop();
    await database.drop();
    rmSync(dir, { recursive: true, force: true });
  };
}
