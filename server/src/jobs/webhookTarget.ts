import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { BlockList, isIP, type LookupFunction } from 'node:net';

/**
 * Where a partner webhook may be sent. A partner's URL is typed by an admin but resolved by us,
 * from inside the police network: it must not reach the cloud metadata service (169.254.169.254),
 * the database, or anything else private. The rule:
 * - production (`NODE_ENV=production`): public unicast addresses only;
 * - elsewhere (development, test, demo): loopback too, so a partner app on the same laptop works;
 *   link-local, private, unique-local, multicast and reserved ranges stay refused.
 * It is checked on the address the connection actually uses (our own `lookup`), so a name that
 * resolves to a public address when saved and to a private one at delivery (DNS rebinding) fails.
 */
const loopback = new BlockList();
loopback.addSubnet('127.0.0.0', 8, 'ipv4');
loopback.addAddress('::1', 'ipv6');

const nonPublic = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['169.254.0.0', 16], ['172.16.0.0', 12], ['192.0.0.0', 24],
  ['192.0.2.0', 24], ['192.168.0.0', 16], ['198.18.0.0', 15], ['198.51.100.0', 24], ['203.0.113.0', 24], ['224.0.0.0', 4], ['240.0.0.0', 4],
] as const) nonPublic.addSubnet(net, prefix, 'ipv4');
for (const [net, prefix] of [
  ['::', 128], ['fc00::', 7], ['fe80::', 10], ['ff00::', 8], ['64:ff9b::', 96], ['100::', 64], ['2001:db8::', 32],
] as const) nonPublic.addSubnet(net, prefix, 'ipv6');

/** Why this address may not receive a webhook, or null when it may. */
export function refusedAddress(address: string, allowLoopback: boolean): string | null {
  const family = isIP(address);
  if (family === 0) return `adresse invalide (${address})`;
  // ::ffff:10.0.0.1 is 10.0.0.1
  const mapped = family === 6 && /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1];
  const [ip, type] = mapped ? [mapped, 'ipv4' as const] : [address, family === 4 ? ('ipv4' as const) : ('ipv6' as const)];
  if (loopback.check(ip, type)) return allowLoopback ? null : `adresse de bouclage refusée en production (${ip})`;
  if (nonPublic.check(ip, type)) return `adresse privée, lien-local ou réservée refusée (${ip})`;
  return null;
}

export class RefusedTarget extends Error {}

/** A `lookup` for http(s).request that refuses the connection when any resolved address is not allowed. */
export function guardedLookup(allowLoopback: boolean): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses: LookupAddress[]) => {
      if (error) return callback(error, '', 0);
      const refused = addresses.map((a) => refusedAddress(a.address, allowLoopback)).find(Boolean);
      if (refused || addresses.length === 0) return callback(new RefusedTarget(`webhook refusé : ${hostname} → ${refused ?? 'aucune adresse'}`), '', 0);
      if ((options as { all?: boolean }).all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, addresses);
      callback(null, addresses[0]!.address, addresses[0]!.family);
    });
  };
}

/**
 * POST `body` to `url` through the guarded lookup; resolves to the status code. No redirects are
 * followed (a 3xx is a failure), the answer's body is not read.
 */
export function postWebhook(url: string, headers: Record<string, string>, body: string, options: { allowLoopback: boolean; timeoutMs: number }): Promise<number> {
  const target = new URL(url);
  const host = target.hostname.replace(/^\[|\]$/g, '');
  // An address literal never goes through `lookup`: check it here.
  if (isIP(host)) {
    const refused = refusedAddress(host, options.allowLoopback);
    if (refused) return Promise.reject(new RefusedTarget(`webhook refusé : ${refused}`));
  }
  const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const req = send(
      target,
      {
        method: 'POST',
        headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) },
        lookup: guardedLookup(options.allowLoopback),
        timeout: options.timeoutMs,
      },
      (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      },
    );
    req.on('timeout', () => req.destroy(new Error(`pas de réponse en ${options.timeoutMs / 1000} s`)));
    req.on('error', reject);
    req.end(body);
  });
}
