import type { Identifier } from 'react-admin';
import type { Viewer } from '@vigie/shared';

/** The other people looking at a report: this user's own tabs do not count. */
export const otherViewers = (viewers: readonly Viewer[], selfId: Identifier | undefined) =>
  viewers.filter((viewer) => String(viewer.staff_id) !== String(selfId));

/** « Julien Marchand », « Julien Marchand et Claire Dubois »: names joined the way the language does. */
export const joinNames = (viewers: readonly Viewer[], locale: string) =>
  new Intl.ListFormat(locale, { style: 'long', type: 'conjunction' }).format(viewers.map((viewer) => viewer.full_name));
