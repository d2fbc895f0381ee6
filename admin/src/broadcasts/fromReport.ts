import type { Report } from '@vigie/shared';
import { broadcastCategoryForReport, toGsm7 } from '@vigie/shared';
import type { Broadcast } from './broadcastTypes.ts';
import { circleZone, zoneCollection } from './zones.ts';

/** The radius around a report that « Diffuser » proposes: the few streets around it. */
export const REPORT_RADIUS_M = 300;

const STREET = /^\s*(?:\d+\s*(?:bis|ter)?\s*,?\s*)?(.+?)(?:,|$)/i;

/** « 12 rue de la République, 92340 Bourg-la-Reine » → « rue de la République ». */
export const streetOf = (address: string | null | undefined) => (address ? (STREET.exec(address)?.[1]?.trim() ?? null) : null);

/**
 * A draft broadcast from a report: category mapped as the issue says, a text naming the street but
 * never the reporter, and a 300 m circle around the place. The SMS starts in GSM-7: the French
 * catalogue's typographic apostrophe (« d’urgence ») alone would switch it to UCS-2 and double its
 * cost for every recipient; the officer may still type accents back, warned by the counter.
 */
export function broadcastFromReport(
  report: Pick<Report, 'id' | 'category' | 'address' | 'lat' | 'lng'>,
  texts: { title: (street: string | null) => string; sms: (street: string | null) => string },
): Partial<Broadcast> {
  const street = streetOf(report.address);
  const category = broadcastCategoryForReport(report.category);
  return {
    category,
    title: texts.title(street),
    sms_text: toGsm7(texts.sms(street)),
    email_subject: texts.title(street),
    email_body: texts.sms(street),
    channels: ['sms', 'email'],
    target: { zones: zoneCollection([circleZone(report.lat, report.lng, REPORT_RADIUS_M)]) },
    report_id: report.id,
  };
}
