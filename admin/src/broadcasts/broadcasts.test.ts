import { describe, expect, it } from 'vitest';
import { countSms } from '@vigie/shared';
import { fr } from '../i18n/fr.ts';
import { broadcastFromReport, streetOf } from './fromReport.ts';
import { fillPlaceholders, hasUnfilledPlaceholders, placeholdersIn } from './placeholders.ts';
import { progressOf } from './progress.ts';
import { circleZone, polygonZone, zoneSummary, zoneCollection } from './zones.ts';

describe('broadcast from a report', () => {
  const texts = { title: (s: string | null) => `Cambriolages ${s ?? ''}`.trim(), sms: (s: string | null) => `Vigilance ${s ?? 'quartier'}` };

  it('maps report categories onto broadcast categories as the issue says', () => {
    const base = { id: 7, address: null, lat: 48.78, lng: 2.316 };
    expect(broadcastFromReport({ ...base, category: 'burglary_attempt' }, texts).category).toBe('burglary');
    expect(broadcastFromReport({ ...base, category: 'burglary' }, texts).category).toBe('burglary');
    expect(broadcastFromReport({ ...base, category: 'abusive_canvassing' }, texts).category).toBe('abusive_canvassing');
    expect(broadcastFromReport({ ...base, category: 'road_hazard' }, texts).category).toBe('road_closure');
    expect(broadcastFromReport({ ...base, category: 'vandalism' }, texts).category).toBe('information');
  });

  it('targets a 300 m circle around the report and links it', () => {
    const draft = broadcastFromReport({ id: 7, category: 'burglary', address: '12 rue de la République, 92340 Bourg-la-Reine', lat: 48.7794, lng: 2.3162 }, texts);
    expect(draft.report_id).toBe(7);
    expect(draft.target).toEqual({ zones: { type: 'FeatureCollection', features: [{ type: 'Feature', properties: { radius_m: 300 }, geometry: { type: 'Point', coordinates: [2.3162, 48.7794] } }] } });
    expect(draft.sms_text).toBe('Vigilance rue de la République');
  });

  it('pre-fills an SMS that fits GSM-7, while the e-mail keeps French typography', () => {
    const sms = (street: string | null) => (fr as unknown as { vigie: { broadcasts: { from_report: { sms_street: string } } } }).vigie.broadcasts.from_report.sms_street.replace('%{category}', 'Cambriolage').replace('%{street}', street ?? '');
    expect(sms('rue des Blagis')).toContain('’'); // the catalogue is typographic, as it must be
    const draft = broadcastFromReport({ id: 7, category: 'burglary', address: '12 rue des Blagis', lat: 48.78, lng: 2.316 }, { title: sms, sms });
    expect(countSms(draft.sms_text!)).toMatchObject({ encoding: 'GSM-7', segments: 1 });
    expect(draft.email_body).toContain('’');
  });

  it('finds the street in French addresses', () => {
    expect(streetOf('12 bis avenue du Général Leclerc, Bourg-la-Reine')).toBe('avenue du Général Leclerc');
    expect(streetOf('place de la Gare')).toBe('place de la Gare');
    expect(streetOf(null)).toBeNull();
  });
});

describe('template placeholders', () => {
  it('lists each placeholder once across texts', () => {
    expect(placeholdersIn('Rue {rue} le {date}', 'Secteur {secteur}, {rue}', null)).toEqual(['rue', 'date', 'secteur']);
  });

  it('fills known values and leaves empty ones visible', () => {
    expect(fillPlaceholders('Fermeture {rue} le {date}', { rue: 'rue Ravon', date: ' ' })).toBe('Fermeture rue Ravon le {date}');
    expect(hasUnfilledPlaceholders('Fermeture rue Ravon le {date}')).toBe(true);
    expect(hasUnfilledPlaceholders('Fermeture rue Ravon')).toBe(false);
  });
});

describe('zones', () => {
  it('closes polygon rings and swaps to GeoJSON order', () => {
    const zone = polygonZone([
      [48.78, 2.31],
      [48.79, 2.31],
      [48.79, 2.32],
    ]);
    expect(zone.geometry).toEqual({ type: 'Polygon', coordinates: [[[2.31, 48.78], [2.31, 48.79], [2.32, 48.79], [2.31, 48.78]]] });
  });

  it('counts polygons and circles', () => {
    const zones = zoneCollection([circleZone(48.78, 2.31, 250.4), polygonZone([[48.78, 2.31], [48.79, 2.31], [48.79, 2.32], [48.78, 2.31]])]);
    expect(zoneSummary(zones)).toEqual({ polygons: 1, circles: 1 });
    expect(zones.features[0]!.properties).toEqual({ radius_m: 250 });
  });
});

describe('progress', () => {
  it('counts settled messages per channel and leaves out channels without any', () => {
    const progress = progressOf({
      channels: ['sms', 'email'],
      counts: { sms: { queued: 2, sent: 3, delivered: 4, failed: 1, dead: 0 }, email: { queued: 0, sent: 0, delivered: 0, failed: 0, dead: 0 } },
    });
    expect(progress).toEqual([{ channel: 'sms', total: 10, done: 7, delivered: 4, failed: 1, queued: 2, percent: 70 }]);
  });

  it('reaches 100 % when every message ended, dead ones included', () => {
    const [sms] = progressOf({ channels: ['sms'], counts: { sms: { queued: 0, sent: 1, delivered: 8, failed: 0, dead: 1 } } });
    expect(sms!.percent).toBe(100);
  });
});
