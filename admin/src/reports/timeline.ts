import type { TranslateFunction } from 'react-admin';
import type { ReportEvent } from '@vigie/shared';

const VALUE_PREFIX: Partial<Record<ReportEvent['action'], string>> = {
  status: 'vigie.statuses',
  priority: 'vigie.priorities',
};

/**
 * An event's `from_value` / `to_value` as staff read them: a status or priority by its name, an
 * assignment by the officer's name (their number if they are no longer listed), « Non attribué »
 * for none.
 */
export function eventValue(
  action: ReportEvent['action'],
  raw: string | null,
  translate: TranslateFunction,
  officerNames: ReadonlyMap<string, string> = new Map(),
): string {
  if (action === 'assigned') {
    if (raw === null) return translate('vigie.report.unassigned');
    return officerNames.get(raw) ?? translate('vigie.report.assignee_other', { id: raw });
  }
  const prefix = VALUE_PREFIX[action];
  return raw && prefix ? translate(`${prefix}.${raw}`, { _: raw }) : (raw ?? '—');
}
