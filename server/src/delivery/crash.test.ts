import { createTestDatabase, testEngine, type TestDatabase } from '@vigie/db/testing';
import type { Broadcast } from '@vigie/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStaff, ORIGIN, signIn, type Client } from '../test/harness.ts';
import { startServerProcess, type ServerProcess } from '../test/serverProcess.ts';
import { deliveryKey } from './deliveries.ts';
import { startBrevoFake, startSmtpSink } from './testing.ts';

/**
 * Recipients of the broadcast killed ten times: the 10,000 (20,000 deliveries). About 100 s,
 * measured alone and alongside the whole suite; VIGIE_CRASH_RECIPIENTS=400 for a quick run.
 */
const RECIPIENTS = Number(process.env.VIGIE_CRASH_RECIPIENTS ?? 10_000);
const KILLS = 10;
const API_KEY = 'xkeysib-crash';
const CENTER = { lng: 2.32, lat: 48.78 };

describe.skipIf(testEngine() === 'embedded')('a broadcast whose server is SIGKILLed ten times while sending', () => {
  let db: TestDatabase;
  let server: ServerProcess;
  let smtp: Awaited<ReturnType<typeof startSmtpSink>>;
  let brevo: Awaited<ReturnType<typeof startBrevoFake>>;
  let officer: Client;

  beforeAll(async () => {
    // A slow mail server, so that each kill lands in the middle of sending.
    smtp = await startSmtpSink({ delayMs: 3 });
    brevo = await startBrevoFake(API_KEY);
    db = await createTestDatabase();
    await db.sql`
      insert into members (full_name, address, email, phone, status, channels, lat, lng)
      select 'Membre ' || i, 'rue', 'crash' || i || '@example.test', '+3367' || lpad(i::text, 7, '0'), 'approved', '{sms,email}', ${CENTER.lat}, ${CENTER.lng}
      from generate_series(1, ${RECIPIENTS}) i`;
    const staff = await createStaff(db.sql, 'officer');
    server = await startServerProcess({
      env: {
        NODE_ENV: 'test', LOG_LEVEL: 'warn', HOST: '127.0.0.1', PUBLIC_URL: ORIGIN, DATABASE_URL: db.url!, VIGIE_DEMO: '0',
        SMTP_URL: smtp.url, SMTP_FROM: 'Vigie <alertes@vigie.test>', SMS_PROVIDER: 'brevo', BREVO_API_KEY: API_KEY, BREVO_API_URL: brevo.url, SMS_RATE_PER_SECOND: '1000',
      },
    });
    officer = await signIn(server.url, staff.email);
  }, 180_000);
  afterAll(async () => {
    await server?.stop();
    await db?.destroy();
    await smtp?.stop();
    await brevo?.stop();
  });

  it('gets each message to every recipient once per channel, none dead', async () => {
    const created = await officer.json<Broadcast>('POST', '/api/broadcasts', {
      category: 'information', title: 'Crash', sms_text: 'Essai de reprise après arrêt brutal.', email_subject: 'Reprise', email_body: 'Essai de reprise après arrêt brutal.', channels: ['sms', 'email'],
      target: { zones: { type: 'FeatureCollection', features: [{ type: 'Feature', geometry: { type: 'Point', coordinates: [CENTER.lng, CENTER.lat] }, properties: { radius_m: 200 } }] } },
    });
    expect(created.status).toBe(201);
    const id = created.body.id;
    expect((await officer.json('POST', `/api/broadcasts/${id}/send`, {})).status).toBe(200);

    // A killed run comes back once pg-boss sees its heartbeat stop (10 s) and after its retry
    // backoff, which doubles with each kill it suffers; the test brings those retries forward.
    const hurry = () => db.sql`update pgboss.job set start_after = now() where name = 'delivery' and state = 'retry' and start_after > now()`;
    const total = RECIPIENTS * 2;
    const received = () => smtp.mails.length + brevo.sent.length;
    let kills = 0;
    while (kills < KILLS) {
      const threshold = Math.floor(((kills + 1) * total) / (KILLS + 2));
      for (let i = 0; received() < threshold; i++) {
        if (i % 100 === 99) await hurry();
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
      await server.kill();
      kills++;
      await server.start();
    }

    for (;;) {
      const [row] = await db.sql<{ open: number; status: string }[]>`
        select (select count(*)::int from deliveries where broadcast_id = ${id} and status not in ('sent', 'delivered', 'dead')) as open, status from broadcasts where id = ${id}`;
      if (row!.open === 0 && row!.status === 'sent') break;
      await hurry();
      await new Promise((resolve) => setTimeout(resolve, 500));
    }

    const deliveries = await db.sql<{ id: string; channel: string; to: string; status: string }[]>`select id::text, channel, "to", status from deliveries where broadcast_id = ${id}`;
    expect(deliveries).toHaveLength(total);
    expect(deliveries.filter((d) => d.status === 'dead')).toEqual([]);

    // E-mail: what a mailbox shows is one message per Message-ID; each person has exactly one.
    const messageIds = new Map<string, Set<string>>();
    for (const mail of smtp.mails) {
      const messageId = /^Message-ID: (<[^>]+>)/im.exec(mail.raw)?.[1] ?? '';
      for (const to of mail.to) messageIds.set(to, (messageIds.get(to) ?? new Set()).add(messageId));
    }
    for (const d of deliveries.filter((x) => x.channel === 'email')) {
      expect([...(messageIds.get(d.to) ?? [])]).toEqual([`<${deliveryKey(d.id)}@vigie.test>`]);
    }
    // SMS: Brevo takes no idempotency key, so the resend asked its event log first: each tag once.
    const perTag = new Map<string, number>();
    for (const sms of brevo.sent) perTag.set(sms.tag, (perTag.get(sms.tag) ?? 0) + 1);
    for (const d of deliveries.filter((x) => x.channel === 'sms')) expect(perTag.get(deliveryKey(d.id))).toBe(1);
    expect(brevo.sent).toHaveLength(RECIPIENTS);
    console.info(`crash test: ${kills} kills, ${RECIPIENTS} recipients, ${smtp.mails.length - RECIPIENTS} e-mail copies resent with the same Message-ID`);
  }, 900_000);
});
