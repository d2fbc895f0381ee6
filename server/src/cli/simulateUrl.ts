/**
 * Where `pnpm simulate` posts by default: the running server as its own environment describes it
 * (PUBLIC_URL, else localhost on PORT), so a server started with `PORT=3100` needs no `--url`.
 */
export function defaultSimulateUrl(env: Record<string, string | undefined>): string {
  const publicUrl = env.PUBLIC_URL?.trim();
  if (publicUrl) return publicUrl.replace(/\/+$/, '');
  const port = Number(env.PORT);
  return `http://localhost:${Number.isInteger(port) && port > 0 && port < 65536 ? port : 3000}`;
}
