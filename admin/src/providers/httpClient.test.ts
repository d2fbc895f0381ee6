import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { httpClient } from './httpClient.ts';
import { i18nProvider } from './i18nProvider.ts';

describe('the API transport', () => {
  let server: Server;
  let base = '';
  beforeAll(async () => {
    // A real server on loopback that answers with the Accept-Language it received.
    server = createServer((req, res) => {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ language: req.headers['accept-language'] ?? null }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  });
  afterAll(async () => {
    await i18nProvider.changeLocale('fr');
    await new Promise((resolve) => server.close(resolve));
  });

  it('asks for the language the dashboard shows, and follows the language switch', async () => {
    expect((await httpClient(`${base}/api/x`)).json).toEqual({ language: 'fr' });
    await i18nProvider.changeLocale('en');
    expect((await httpClient(`${base}/api/x`)).json).toEqual({ language: 'en' });
    await i18nProvider.changeLocale('fr');
    expect((await httpClient(`${base}/api/x`)).json).toEqual({ language: 'fr' });
  });
});
