/**
 * Errors that say the database could not be reached or dropped the connection, not that the query
 * was wrong: a request that meets one may succeed if retried, so it answers 503 with Retry-After
 * rather than 500. A write whose COMMIT met one may or may not have committed: its client retries
 * with the same key (intake external_id, Idempotency-Key) and is stored once either way.
 */
const DRIVER_CODES = new Set(['CONNECTION_CLOSED', 'CONNECTION_ENDED', 'CONNECTION_DESTROYED', 'CONNECT_TIMEOUT']);
const SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN']);

/**
 * SQLSTATE classes 08 (connection exception) and 57P (operator intervention: a terminated
 * backend, a shutdown, a server still starting), and 53300 (too many connections).
 */
const isUnavailableState = (code: string) => code.startsWith('08') || code.startsWith('57P') || code === '53300';

export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  const e = error as { code?: unknown; errno?: unknown; cause?: unknown } | null;
  if (!e || typeof e !== 'object') return false;
  const code = typeof e.code === 'string' ? e.code : '';
  if (DRIVER_CODES.has(code) || SOCKET_CODES.has(code)) return true;
  if (typeof e.errno === 'string' && (DRIVER_CODES.has(e.errno) || SOCKET_CODES.has(e.errno))) return true;
  // A PostgreSQL error carries its SQLSTATE in `code` (five characters).
  if (/^[0-9A-Z]{5}$/.test(code) && isUnavailableState(code)) return true;
  return depth < 5 && e.cause !== undefined && isDatabaseUnavailable(e.cause, depth + 1);
}
