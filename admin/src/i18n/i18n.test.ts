import { describe, expect, it } from 'vitest';
import { AUDIT_EVENT_KEYS, AUDIT_EVENT_RESOURCES } from '../auditLog/auditSentences.ts';
import { AUDIT_ACTIONS, REPORT_CATEGORIES, REPORT_PRIORITIES, REPORT_SOURCES, REPORT_STATUSES, ROLES } from '@vigie/shared';
import { TIME_WINDOWS } from '../map/mapFilters.ts';
import { en } from './en.ts';
import { fr } from './fr.ts';

type Tree = { [key: string]: string | Tree };

const flatten = (tree: Tree, prefix = ''): Record<string, string> =>
  Object.fromEntries(
    Object.entries(tree).flatMap(([key, value]) =>
      typeof value === 'string' ? [[`${prefix}${key}`, value]] : Object.entries(flatten(value, `${prefix}${key}.`)),
    ),
  );

const frKeys = flatten(fr as Tree);
const enKeys = flatten(en as Tree);
const placeholders = (text: string) => [...new Set([...text.matchAll(/%\{(\w+)\}/g)].map((match) => match[1]))].sort();
// react-admin's own messages (`ra.*`) come from ra-language-*; these checks are about ours.
const ours = (keys: Record<string, string>) => Object.entries(keys).filter(([key]) => !key.startsWith('ra.'));

describe('translations', () => {
  it('have exactly the same keys in French and English', () => {
    expect(Object.keys(enKeys).sort()).toEqual(Object.keys(frKeys).sort());
  });

  it('use the same placeholders and plural forms in both languages', () => {
    for (const [key, text] of ours(frKeys)) {
      const other = enKeys[key] ?? '';
      expect(placeholders(other), key).toEqual(placeholders(text));
      expect(other.includes('||||'), key).toBe(text.includes('||||'));
    }
  });

  it('leave no label empty', () => {
    for (const [key, text] of [...ours(frKeys), ...ours(enKeys)]) {
      expect(text.trim(), key).not.toBe('');
    }
  });

  it.each([
    ['categories', REPORT_CATEGORIES],
    ['statuses', REPORT_STATUSES],
    ['priorities', REPORT_PRIORITIES],
    ['sources', REPORT_SOURCES],
    ['roles', ROLES],
    ['audit_actions', AUDIT_ACTIONS],
  ] as const)('label every %s value from @vigie/shared in both languages', (group, values) => {
    for (const value of values) {
      expect(frKeys[`vigie.${group}.${value}`], `fr ${group}.${value}`).toBeTruthy();
      expect(enKeys[`vigie.${group}.${value}`], `en ${group}.${value}`).toBeTruthy();
    }
  });

  it('labels every time window of the map in both languages', () => {
    for (const window of TIME_WINDOWS) {
      expect(frKeys[`vigie.map.windows.${window}`], window).toBeTruthy();
      expect(enKeys[`vigie.map.windows.${window}`], window).toBeTruthy();
    }
  });

  it('names every audited resource in both languages', () => {
    for (const resource of AUDIT_EVENT_RESOURCES) {
      expect(frKeys[`vigie.audit.resources.${resource}`], resource).toBeTruthy();
      expect(enKeys[`vigie.audit.resources.${resource}`], resource).toBeTruthy();
    }
  });

  it('words every audit event that can happen as a sentence, in both languages', () => {
    for (const event of AUDIT_EVENT_KEYS) {
      expect(frKeys[`vigie.audit.events.${event}`], event).toBeTruthy();
      expect(enKeys[`vigie.audit.events.${event}`], event).toBeTruthy();
    }
  });

  it('name every resource the admin has a screen for, singular and plural', () => {
    for (const resource of ['reports', 'report_events', 'response_templates', 'officers', 'neighbourhoods', 'staff', 'audit_log', 'partners']) {
      expect(frKeys[`resources.${resource}.name`], resource).toContain('||||');
      expect(enKeys[`resources.${resource}.name`], resource).toContain('||||');
    }
  });

  it('says French things in French', () => {
    expect(frKeys['vigie.statuses.in_progress']).toBe('Patrouille envoyée');
    expect(frKeys['vigie.roles.supervisor']).toBe('Chef de poste');
    expect(frKeys['vigie.login.email']).toBe('Adresse e-mail');
    expect(frKeys['vigie.live.online']).toBe('En direct');
    expect(frKeys['vigie.map.menu']).toBe('Carte');
    expect(frKeys['vigie.emergency.call']).toBe('Urgence : appeler le %{number}');
    // A button in the emergency banner: an action, never a past participle that reads as done.
    expect(frKeys['vigie.emergency.forwarded']).toBe('Marquer comme transmis à la Police nationale');
    expect(frKeys['vigie.duplicates.link']).toBe('Rattacher à cet incident');
    expect(frKeys['resources.partners.fields.rate_per_minute']).toBe('Limite (signalements/minute)');
    expect(frKeys['vigie.partners.secret.warning']).toBe('Ce secret ne sera plus affiché : transmettez-le au partenaire par un canal sûr.');
  });
});
