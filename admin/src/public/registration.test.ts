import { describe, expect, it } from 'vitest';
import { CONSENT_VERSION } from './consent.ts';
import { emptyDraft, emptyRelative, fieldErrorsFromBody, MESSAGES, toggleChannel, toPayload, validateDraft, type RegistrationDraft } from './registration.ts';

const filled = (patch: Partial<RegistrationDraft> = {}): RegistrationDraft => ({
  ...emptyDraft(),
  full_name: 'Jeanne Martin',
  address: '12 rue de la Mairie',
  email: 'jeanne.martin@example.fr',
  consent: true,
  ...patch,
});

describe('the public registration form', () => {
  it('accepts a complete registration for oneself', () => {
    expect(validateDraft(filled())).toEqual({});
  });

  it('names every missing field of an empty form, consent included', () => {
    const errors = validateDraft(emptyDraft());
    expect(errors).toMatchObject({
      full_name: MESSAGES.required,
      address: MESSAGES.required,
      email: MESSAGES.required,
      'consent.accepted': MESSAGES.consent,
    });
  });

  it("keeps to the server's lengths: 200 for a name, 500 for an address", () => {
    expect(validateDraft(filled({ address: 'x'.repeat(500) })).address).toBeUndefined();
    expect(validateDraft(filled({ address: 'x'.repeat(501) })).address).toBe(MESSAGES.tooLong(500));
    expect(validateDraft(filled({ full_name: 'x'.repeat(201) })).full_name).toBe(MESSAGES.tooLong(200));
  });

  it('refuses SMS without a mobile and a malformed phone or e-mail', () => {
    expect(validateDraft(filled({ channels: ['sms'] })).channels).toBe(MESSAGES.smsNeedsPhone);
    expect(validateDraft(filled({ channels: [] })).channels).toBe(MESSAGES.channels);
    expect(validateDraft(filled({ phone: '06 12' })).phone).toBe(MESSAGES.phone);
    expect(validateDraft(filled({ email: 'jeanne@' })).email).toBe(MESSAGES.email);
    expect(validateDraft(filled({ phone: '06 12 34 56 78', channels: ['sms', 'email'] }))).toEqual({});
  });

  it('asks who registers someone else, and checks each relative of a senior under its own path', () => {
    expect(validateDraft(filled({ kind: 'on_behalf' }))).toMatchObject({ 'registrant.full_name': MESSAGES.required, 'registrant.relation': MESSAGES.required });
    const relatives = [
      { ...emptyRelative(), full_name: 'Paul Martin', relation: 'fils', email: 'paul@example.fr' },
      { ...emptyRelative(), full_name: 'Lise', relation: 'voisine', channels: ['sms' as const] },
    ];
    const errors = validateDraft(filled({ kind: 'senior', relatives }));
    expect(Object.keys(errors).sort()).toEqual(['relatives.1.channels', 'relatives.1.email']);
    expect(errors['relatives.1.email']).toBe(MESSAGES.contact);
    expect(validateDraft(filled({ kind: 'senior', relatives: [] })).relatives).toBe(MESSAGES.relatives);
  });

  it('sends the consent version, drops empty optional fields and what the kind does not use', () => {
    const payload = toPayload(filled({ phone: '06 12 34 56 78', registrant: { full_name: 'X', relation: 'Y', email: '', phone: '' } }));
    expect(payload).toMatchObject({ kind: 'self', phone: '0612345678', consent: { version: CONSENT_VERSION, accepted: true } });
    expect(payload.registrant).toBeUndefined();
    expect(payload.relatives).toBeUndefined();
    expect(payload.website).toBeUndefined();
    const senior = toPayload(filled({ kind: 'senior', relatives: [{ ...emptyRelative(), full_name: ' Paul ', relation: 'fils', email: 'p@e.fr' }] }));
    expect(senior.relatives).toEqual([{ full_name: 'Paul', relation: 'fils', email: 'p@e.fr', phone: undefined, channels: ['email'] }]);
  });

  it('passes a filled honeypot on to the server, which drops the submission', () => {
    expect(toPayload(filled({ website: 'http://spam.example' })).website).toBe('http://spam.example');
  });

  it('keeps channels in a stable order whatever the clicks', () => {
    expect(toggleChannel(['email'], 'sms', true)).toEqual(['sms', 'email']);
    expect(toggleChannel(['sms', 'email'], 'email', false)).toEqual(['sms']);
  });

  it("reads the server's per-field errors, nested paths included", () => {
    expect(fieldErrorsFromBody({ message: 'Invalide', errors: { 'relatives.2.phone': 'Numéro invalide', consent: 'Accord requis', x: 3 } })).toEqual({
      'relatives.2.phone': 'Numéro invalide',
      'consent.accepted': 'Accord requis',
    });
    expect(fieldErrorsFromBody(null)).toEqual({});
  });
});
