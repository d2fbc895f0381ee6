import { describe, expect, it } from 'vitest';
import polyglotI18nProvider from 'ra-i18n-polyglot';
import { fr } from '../i18n/fr.ts';
import { eventValue } from './timeline.ts';

const translate = polyglotI18nProvider(() => fr, 'fr').translate;

describe('the timeline', () => {
  it('names who a report was assigned to, and from whom', () => {
    const names = new Map([['1', 'Julien Marchand']]);
    const line = (from: string | null, to: string | null) =>
      translate('vigie.timeline.assigned', { from: eventValue('assigned', from, translate, names), to: eventValue('assigned', to, translate, names) });
    expect(line(null, '1')).toBe('Attribution : Non attribué → Julien Marchand');
    // An officer no longer listed (account disabled) is still told apart by number.
    expect(line('1', '42')).toBe('Attribution : Julien Marchand → Agent n° 42');
  });

  it('names statuses and priorities in French', () => {
    expect(eventValue('status', 'in_progress', translate)).toBe('Patrouille envoyée');
    expect(eventValue('priority', 'urgent', translate)).toBe('Urgente');
    expect(eventValue('note', null, translate)).toBe('—');
  });
});
