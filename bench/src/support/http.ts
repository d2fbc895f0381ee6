import http from 'node:http';
import { performance } from 'node:perf_hooks';

export interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
  /** Milliseconds from just before the request was written to the end of the answer. */
  ms: number;
}

/**
 * A small keep-alive HTTP/1.1 client on node:http: less work per request than fetch, so that
 * the load generator takes as little of the two cores as possible from the server it measures.
 */
export function createHttpClient(base: string, maxSockets: number) {
  const origin = new URL(base);
  if (origin.hostname !== '127.0.0.1') throw new Error(`benchmarks only talk to loopback, not ${origin.hostname}`);
  const agent = new http.Agent({ keepAlive: true, maxSockets });
  return {
    request(method: string, path: string, headers: Record<string, string> = {}, body?: string): Promise<Answer> {
      return new Promise((resolve, reject) => {
        const started = performance.now();
        const req = http.request(
          { agent, host: origin.hostname, port: origin.port, method, path, headers: body === undefined ? headers : { ...headers, 'content-length': String(Buffer.byteLength(body)) } },
          (res) => {
            const chunks: Buffer[] = [];
            res.on('data', (chunk: Buffer) => chunks.push(chunk));
            res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8'), ms: performance.now() - started }));
            res.on('error', reject);
          },
        );
        req.setTimeout(30_000, () => req.destroy(new Error(`${method} ${path}: no answer within 30 s`)));
        req.on('error', reject);
        req.end(body);
      });
    },
    close() {
      agent.destroy();
    },
  };
}

export type HttpClient = ReturnType<typeof createHttpClient>;

export interface LoopResult {
  /** Requests answered with the expected status inside the window. */
  ok: number;
  /** Anything else (wrong status or a network error), with a sample of what went wrong. */
  errors: number;
  firstError: string | null;
  latencies: number[];
  elapsedMs: number;
}

/**
 * Closed loop: `concurrency` workers each send, wait for the answer, and send again, until
 * `durationMs` has passed or `maxRequests` were sent (both bounds always hold).
 */
export async function closedLoop(options: { concurrency: number; durationMs: number; maxRequests: number; send: () => Promise<Answer>; expect: (status: number) => boolean }): Promise<LoopResult> {
  const result: LoopResult = { ok: 0, errors: 0, firstError: null, latencies: [], elapsedMs: 0 };
  const started = performance.now();
  const deadline = started + options.durationMs;
  let sent = 0;
  const worker = async () => {
    while (performance.now() < deadline && sent < options.maxRequests) {
      sent++;
      try {
        const answer = await options.send();
        if (options.expect(answer.status)) {
          result.ok++;
          result.latencies.push(answer.ms);
        } else {
          result.errors++;
          result.firstError ??= `${answer.status} ${answer.body.slice(0, 200)}`;
        }
      } catch (error) {
        result.errors++;
        result.firstError ??= (error as Error).message;
      }
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, worker));
  result.elapsedMs = performance.now() - started;
  return result;
}
