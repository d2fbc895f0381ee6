import type { Role } from './roles.ts';

export const REPORT_CATEGORIES = [
  'burglary',
  'burglary_attempt',
  'abusive_canvassing',
  'suspicious_vehicle',
  'suspicious_person',
  'vandalism',
  'road_hazard',
  'other',
] as const;
export type ReportCategory = (typeof REPORT_CATEGORIES)[number];

export const REPORT_STATUSES = ['new', 'acknowledged', 'in_progress', 'resolved', 'dismissed', 'forwarded'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

export const REPORT_PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export type ReportPriority = (typeof REPORT_PRIORITIES)[number];

export const REPORT_SOURCES = ['platform', 'phone', 'officer'] as const;
export type ReportSource = (typeof REPORT_SOURCES)[number];

/** A report as the REST API and the socket events return it (snake_case, like the columns). */
export interface Report {
  id: number;
  category: ReportCategory;
  status: ReportStatus;
  priority: ReportPriority;
  description: string;
  lat: number;
  lng: number;
  address: string | null;
  neighbourhood_id: number | null;
  out_of_area: boolean;
  source: ReportSource;
  partner_id: string | null;
  external_id: string | null;
  member_id: number | null;
  assigned_to: number | null;
  /** The assigned officer's name, so that officers need no access to staff accounts to show it. */
  assigned_to_name: string | null;
  /** The text suggests a danger in progress (see emergency.ts): the dashboard says « appeler le 17 ». */
  emergency: boolean;
  /** Set when this report was linked into an incident: the id of the incident's primary report. */
  incident_id: number | null;
  /** The Police nationale's reference, given when the report was forwarded to them. */
  forwarded_reference?: string | null;
  received_at: string;
  occurred_at: string | null;
  updated_at: string;
}

/** Reporter details, only on the show view (personal data: every read is audited). */
export interface ReportReporter {
  reporter_name: string | null;
  reporter_phone: string | null;
}

export interface ReportEvent {
  id: number;
  report_id: number;
  at: string;
  staff_id: number | null;
  staff_name: string | null;
  action: 'created' | 'status' | 'priority' | 'assigned' | 'note' | 'updated' | 'linked' | 'unlinked' | 'reply';
  from_value: string | null;
  to_value: string | null;
  note: string | null;
}

/** The triage workflow: which status may follow which. Anything else answers 409. */
export const REPORT_TRANSITIONS: Record<ReportStatus, readonly ReportStatus[]> = {
  new: ['acknowledged', 'dismissed', 'forwarded'],
  acknowledged: ['in_progress', 'resolved', 'dismissed', 'forwarded'],
  in_progress: ['resolved', 'dismissed', 'forwarded'],
  // Reopening: a closed report goes back to work, by a supervisor, with a reason.
  resolved: ['acknowledged', 'in_progress'],
  dismissed: ['acknowledged', 'in_progress'],
  forwarded: ['acknowledged', 'in_progress'],
};

export const CLOSED_STATUSES: readonly ReportStatus[] = ['resolved', 'dismissed', 'forwarded'];

/** Only the chief reopens a closed report: closing stays a decision an officer can rely on. */
export const REOPEN_ROLES: readonly Role[] = ['supervisor'];

export const isReopening = (from: ReportStatus, to: ReportStatus) => CLOSED_STATUSES.includes(from) && !CLOSED_STATUSES.includes(to);

/** Whether `role` may move a report from `from` to `to`; without a role, reopening is never allowed. */
export const canTransition = (from: ReportStatus, to: ReportStatus, role?: Role | null) =>
  REPORT_TRANSITIONS[from].includes(to) && (!isReopening(from, to) || (role != null && REOPEN_ROLES.includes(role)));

/** A standard reply sent back to the resident through the partner when a report changes status. */
export interface ResponseTemplate {
  id: number;
  status: Exclude<ReportStatus, 'new'>;
  title: string;
  body: string;
  active: boolean;
}

/** French names of the statuses, for messages the server writes (the dashboard has its own i18n). */
export const REPORT_STATUS_LABELS_FR: Record<ReportStatus, string> = {
  new: 'nouveau',
  acknowledged: 'pris en compte',
  in_progress: 'patrouille envoyée',
  resolved: 'résolu',
  dismissed: 'classé',
  forwarded: 'transmis à la Police nationale',
};
