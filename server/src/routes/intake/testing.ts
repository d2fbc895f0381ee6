import { createStaff, signIn, type Client, type TestServer } from '../../test/harness.ts';
import { PARTNER_HEADER, SIGNATURE_HEADER, signPayload } from './signature.ts';

/** Test helpers for the signed intake: a partner made through the admin API, and signed POSTs. */
export interface TestPartner {
  id: string;
  secret: string;
}

let admin: Promise<Client> | undefined;
let adminServer: TestServer | undefined;

export async function adminClient(t: TestServer): Promise<Client> {
  if (adminServer !== t) {
    adminServer = t;
    admin = createStaff(t.sql, 'admin').then((staff) => signIn(t.base, staff.email));
  }
  return admin!;
}

let counter = 0;

export async function createPartner(t: TestServer, overrides: { id?: string; name?: string; rate_per_minute?: number } = {}): Promise<TestPartner> {
  const id = overrides.id ?? `partner-${process.pid}-${++counter}`;
  const res = await (await adminClient(t)).json<{ id: string; secret: string }>('POST', '/api/partners', {
    name: `Partenaire de test ${counter}`,
    rate_per_minute: 100_000,
    ...overrides,
    id,
  });
  if (res.status !== 201) throw new Error(`partner creation failed: ${res.status} ${JSON.stringify(res.body)}`);
  return { id, secret: res.body.secret };
}

export interface IntakeAnswer<T = Record<string, unknown>> {
  status: number;
  body: T;
  headers: Headers;
}

/** POST a body as a partner would: no cookie, no Origin, signed over the exact bytes. */
export async function postIntake<T = Record<string, unknown>>(
  base: string,
  partner: TestPartner,
  body: string | Uint8Array | Record<string, unknown>,
  options: { t?: number; headers?: Record<string, string>; secret?: string } = {},
): Promise<IntakeAnswer<T>> {
  const raw = typeof body === 'string' || body instanceof Uint8Array ? body : JSON.stringify(body);
  const res = await fetch(`${base}/api/intake/reports`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      [PARTNER_HEADER]: partner.id,
      [SIGNATURE_HEADER]: signPayload(options.secret ?? partner.secret, raw, options.t),
      ...options.headers,
    },
    body: raw,
  });
  return readAnswer<T>(res);
}

/** Status, headers and the body parsed as JSON when it is JSON (left as text for the caller to assert on). */
export async function readAnswer<T>(res: Response): Promise<IntakeAnswer<T>> {
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // left as text: the caller asserts it was JSON
  }
  return { status: res.status, body: parsed as T, headers: res.headers };
}

let external = 0;

/** A valid payload inside the commune; every call gets its own external_id. */
export const validPayload = (overrides: Record<string, unknown> = {}): Record<string, unknown> => ({
  external_id: `ext-${process.pid}-${Date.now()}-${++external}`,
  category: 'suspicious_vehicle',
  description: 'Fourgon blanc sans plaque arrière qui tourne dans la rue depuis une heure.',
  lat: 48.7794,
  lng: 2.3162,
  address: '12 rue de la République, 92340 Bourg-la-Reine',
  occurred_at: new Date(Date.now() - 10 * 60_000).toISOString(),
  reporter: { member_external_id: 'membre-8841', name: 'Mme Martin', phone: '+33 6 12 34 56 78' },
  photos: ['https://photos.example.org/alerte/1.jpg'],
  ...overrides,
});

export const countReports = async (t: TestServer) => {
  const [row] = await t.sql<{ n: number }[]>`select count(*)::int as n from reports`;
  return row!.n;
};
