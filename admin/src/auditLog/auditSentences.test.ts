import { describe, expect, it } from 'vitest';
import { fr } from '../i18n/fr.ts';
import { auditSentenceFr } from '@vigie/shared';
import { AUDIT_EVENT_KEYS, auditSentence, eventChoices } from './auditSentences.ts';

// A minimal polyglot: dotted keys, %{name} placeholders, `_` as the fallback.
const translate = (key: string, options: Record<string, unknown> = {}) => {
  const found = key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], fr);
  const text = typeof found === 'string' ? found : String(options._ ?? key);
  return text.replace(/%\{(\w+)\}/g, (_, name: string) => String(options[name]));
};

describe('audit sentences', () => {
  it('says what happened to whom', () => {
    expect(auditSentence(translate, { resource: 'staff', action: 'suspend', record_id: '9', target_name: 'Karim Benali' })).toBe('Compte désactivé : Karim Benali');
  });

  it('names a record without a name to show by its kind and number', () => {
    expect(auditSentence(translate, { resource: 'reports', action: 'update', record_id: '42', target_name: null })).toBe('Signalement modifié : signalement n° 42');
    expect(auditSentence(translate, { resource: 'reports', action: 'read_personal_data', record_id: '42', target_name: null })).toBe('Coordonnées du déclarant consultées : signalement n° 42');
    expect(auditSentence(translate, { resource: 'members', action: 'approve', record_id: '3', target_name: null })).toBe('Inscription acceptée : voisin n° 3');
    expect(auditSentence(translate, { resource: 'relatives', action: 'update', record_id: '5', target_name: null })).toBe('Proche modifié : proche n° 5');
    expect(auditSentence(translate, { resource: 'posts', action: 'hide', record_id: '8', target_name: null })).toBe('Annonce masquée : annonce n° 8');
    expect(auditSentence(translate, { resource: 'relatives', action: 'read_personal_data', record_id: 'member:3', target_name: null })).toBe('Proches consultés : voisin n° 3');
    expect(auditSentence(translate, { resource: 'deliveries', action: 'export', record_id: 'broadcast:12', target_name: null })).toBe('Export des envois en échec : diffusion n° 12');
  });

  it('does not name the author twice for their own sign-in or account', () => {
    expect(auditSentence(translate, { resource: 'auth', action: 'sign_in', record_id: null, target_name: null })).toBe('Connexion');
    expect(auditSentence(translate, { resource: 'account', action: 'sign_out', record_id: 'c0ffee', target_name: null })).toBe('Autre session fermée dans « Mon compte »');
  });

  it('keeps the raw codes of an event this build does not know', () => {
    expect(auditSentence(translate, { resource: 'robots', action: 'update', record_id: null, target_name: null })).toBe('Modification · robots');
  });

  it('offers only the events of the chosen resource', () => {
    expect(eventChoices('staff').map((c) => c.id)).toEqual(['staff.create', 'staff.update', 'staff.change_role', 'staff.reset_password', 'staff.suspend', 'staff.reinstate']);
    expect(eventChoices().some((c) => c.id === 'reports.delete')).toBe(false);
  });

  it('tells each step of a broadcast apart, in the sentence and in the event filter', () => {
    expect(eventChoices('broadcasts').map((c) => c.id)).toEqual([
      'broadcasts.create', 'broadcasts.update', 'broadcasts.send', 'broadcasts.approve', 'broadcasts.cancel', 'broadcasts.test', 'broadcasts.retry_failed',
    ]);
    const sentence = (action: string) => auditSentence(translate, { resource: 'broadcasts', action, record_id: '7', target_name: 'Cambriolages' });
    expect(['send', 'approve', 'cancel', 'test', 'retry_failed'].map(sentence)).toEqual([
      'Envoi de la diffusion demandé : Cambriolages',
      'Diffusion approuvée : Cambriolages',
      'Diffusion annulée : Cambriolages',
      'Essai de la diffusion envoyé à son auteur : Cambriolages',
      'Envois en échec relancés : Cambriolages',
    ]);
    expect(eventChoices('posts').map((c) => c.id)).toEqual(['posts.approve', 'posts.hide', 'posts.delete']);
  });

  it('words every event on screen exactly as the server writes it in the CSV export', () => {
    for (const key of AUDIT_EVENT_KEYS) {
      const [resource, action] = key.split('.') as [string, string];
      for (const entry of [{ record_id: '42', target_name: null }, { record_id: 'member:3', target_name: null }, { record_id: '9', target_name: 'Les Blagis' }]) {
        expect(auditSentence(translate, { resource, action, ...entry }), key).toBe(auditSentenceFr({ resource, action, ...entry }));
      }
    }
  });
});
