import { randomBytes } from 'node:crypto';
import { createServer as createHttpServer } from 'node:http';
import { START_TIMEOUT_MS, type ServerProcess } from '../server/src/test/serverProcess.ts';

/**
 * What globalSetup hands to the workers, which inherit the runner's environment: the config's
 * `baseURL`, and the control endpoint through which a spec stops and starts the server.
 */
export const STATE_ENV = {
  baseURL: 'VIGIE_E2E_BASE_URL',
  control: 'VIGIE_E2E_CONTROL_URL',
} as const;

const CONTROL_TIMEOUT_MS = START_TIMEOUT_MS + 30_000;

/**
 * A loopback endpoint in the runner through which a spec stops and starts the server: the server
 * stays the runner's child (its output and teardown keep working), whichever worker
 * asked. The random path keeps anything else on the machine from calling it.
 */
export function serveControl(lifecycle: Pick<ServerProcess, 'stop' | 'start'>): Promise<string> {
  const token = randomBytes(16).toString('hex');
  let queue: Promise<unknown> = Promise.resolve();
  const server = createHttpServer((request, response) => {
    const action = request.method === 'POST' ? request.url?.match(new RegExp(`^/${token}/(stop|start)$`))?.[1] : undefined;
    if (action !== 'stop' && action !== 'start') {
      response.writeHead(404).end();
      return;
    }
    // One action at a time, in the order asked.
    const run = queue.then(() => lifecycle[action]());
    queue = run.catch(() => {});
    run.then(
      () => response.writeHead(204).end(),
      (error: Error) => response.writeHead(500, { 'content-type': 'text/plain' }).end(error.message),
    );
  });
  server.unref(); // never what keeps the runner alive
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      resolve(`http://127.0.0.1:${port}/${token}`);
    });
  });
}

async function control(action: 'stop' | 'start') {
  const url = process.env[STATE_ENV.control];
  if (!url) throw new Error(`${STATE_ENV.control} is not set: run the specs through Playwright (globalSetup starts the server).`);
  const response = await fetch(`${url}/${action}`, { method: 'POST', signal: AbortSignal.timeout(CONTROL_TIMEOUT_MS) });
  if (!response.ok) throw new Error(`The runner could not ${action} the server (${response.status}): ${await response.text()}`);
}

/** For specs: the server under test, stopped and started again by the runner that owns it. */
export const testServer = {
  stop: () => control('stop'),
  start: () => control('start'),
  async restart() {
    await control('stop');
    await control('start');
  },
};
