import { canTransition, CLOSED_STATUSES, isReopening, REPORT_TRANSITIONS, type ReportStatus, type Role } from '@vigie/shared';

/** The statuses a report may move to next by triage (the server answers 409 to any other). Reopening is apart. */
export const nextStatuses = (status: ReportStatus): readonly ReportStatus[] =>
  (REPORT_TRANSITIONS[status] ?? []).filter((to) => !isReopening(status, to));

/** Where a closed report may be reopened to, when `role` may reopen it at all. */
export const reopenTargets = (status: ReportStatus, role: Role | null | undefined): readonly ReportStatus[] =>
  (REPORT_TRANSITIONS[status] ?? []).filter((to) => isReopening(status, to) && canTransition(status, to, role));

/** Dismissing a report needs a written reason (sent as `note`). */
export const needsReason = (status: ReportStatus) => status === 'dismissed';

/** Closing a report is asked twice: it leaves the open queue and only a supervisor can bring it back. */
export const needsConfirmation = (status: ReportStatus) => CLOSED_STATUSES.includes(status);
