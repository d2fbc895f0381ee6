import { describe, expect, it } from 'vitest';
import { confirmationOutcome, unsubscribeOutcome } from './outcomes.ts';

const answer = (status: number, body: unknown = null, retryAfter: number | null = null) => ({ status, body, retryAfter });

describe('what a resident reads after following a link', () => {
  it('tells a confirmed, an already used and an expired link apart', () => {
    expect(confirmationOutcome(answer(200, {}))).toMatchObject({ tone: 'success', title: 'Inscription confirmée' });
    expect(confirmationOutcome(answer(409))).toMatchObject({ tone: 'error', title: 'Lien déjà utilisé' });
    expect(confirmationOutcome(answer(410, { message: 'Ce lien a expiré.' }))).toMatchObject({ title: 'Lien déjà utilisé ou expiré', text: 'Ce lien a expiré.' });
    expect(confirmationOutcome(answer(404)).title).toBe('Lien inconnu');
  });

  it('says how long to wait when throttled, and when the network is down', () => {
    expect(confirmationOutcome(answer(429, null, 120)).text).toContain('2 minutes');
    expect(unsubscribeOutcome(answer(0)).title).toBe('Pas de connexion');
  });

  it('names the channel an unsubscribe stopped', () => {
    expect(unsubscribeOutcome(answer(200, { channel: 'sms' })).text).toContain('par SMS');
    expect(unsubscribeOutcome(answer(404)).title).toBe('Lien invalide');
  });
});
