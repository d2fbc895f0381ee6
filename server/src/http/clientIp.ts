import { isIP } from 'node:net';

/**
 * The client's address as the trusted proxies saw it. Each proxy appends the address it received
 * the request from to `X-Forwarded-For`, so with `hops` proxies in front of Vigie the client is the
 * `hops`-th entry from the right; everything to its left was written by the client and may be
 * forged. With 0 hops, or a value that is not an address (a misconfigured hop count), the socket's
 * peer is the answer.
 */
export function clientAddress(forwardedFor: string | string[] | undefined, remoteAddress: string | undefined | null, hops: number): string | null {
  const remote = remoteAddress ? stripMappedV4(remoteAddress) : null;
  if (hops <= 0 || !forwardedFor) return remote;
  const entries = (Array.isArray(forwardedFor) ? forwardedFor.join(',') : forwardedFor)
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  // Fewer entries than hops: the furthest address any trusted proxy recorded.
  const candidate = entries[Math.max(0, entries.length - hops)];
  return candidate && isIP(candidate) ? stripMappedV4(candidate) : remote;
}

/** `::ffff:127.0.0.1` (a dual-stack socket) and `127.0.0.1` are one client. */
const stripMappedV4 = (address: string) => (address.startsWith('::ffff:') && isIP(address.slice(7)) === 4 ? address.slice(7) : address);
