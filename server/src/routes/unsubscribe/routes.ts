import { Hono } from 'hono';
import type { AppEnv, Deps } from '../../context.ts';
import { optOut } from '../../delivery/optOut.ts';
import { verifyUnsubscribeToken } from '../../delivery/unsubscribeToken.ts';
import { ApiError, badRequest } from '../../errors.ts';

/**
 * Public unsubscribe (no session: the HMAC token is the credential). `POST { token }` from the
 * `/desabonnement` page, or RFC 8058 one-click: a form POST of `List-Unsubscribe=One-Click` to the
 * header's URL with `?token=`. GET never unsubscribes (mail scanners follow links): it answers a
 * small page whose button makes that POST. Exempt from the browser CSRF check in app.ts.
 */
export function unsubscribeRoutes({ sql, env }: Deps) {
  const app = new Hono<AppEnv>();

  app.get('/', (c) => {
    const token = c.req.query('token') ?? '';
    if (!verifyUnsubscribeToken(env.VIGIE_SECRET_KEY, token)) throw badRequest({ token: 'Lien de désabonnement invalide.' });
    // The token is base64url and "." only (checked above), safe in an attribute.
    c.header('Content-Type', 'text/html; charset=utf-8');
    return c.body(`<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Désabonnement</title></head><body style="font-family:sans-serif">
<h1>Ne plus recevoir les alertes Vigie</h1>
<form method="post" action="?token=${token}"><input type="hidden" name="List-Unsubscribe" value="One-Click"><button type="submit">Me désabonner</button></form>
</body></html>`);
  });

  app.post('/', async (c) => {
    let token = c.req.query('token');
    const type = c.req.header('content-type') ?? '';
    if (type.startsWith('application/json')) {
      const body = (await c.req.json().catch(() => null)) as { token?: unknown } | null;
      if (typeof body?.token === 'string') token = body.token;
    } else if (type.startsWith('application/x-www-form-urlencoded') || type.startsWith('multipart/form-data')) {
      const form = await c.req.parseBody();
      if (form['List-Unsubscribe'] !== 'One-Click' && typeof form.token !== 'string') throw badRequest({ 'List-Unsubscribe': 'Attendu : One-Click.' });
      if (typeof form.token === 'string') token = form.token;
    }
    if (!token) throw badRequest({ token: 'Requis.' });
    const subject = verifyUnsubscribeToken(env.VIGIE_SECRET_KEY, token);
    if (!subject) throw badRequest({ token: 'Lien de désabonnement invalide.' });
    const done = await optOut(sql, subject, subject.channel, 'désabonnement par lien');
    if (!done) throw new ApiError(404, 'Destinataire introuvable ou effacé.');
    return c.json({ unsubscribed: true, channel: subject.channel });
  });

  return app;
}
