import { REPORT_TRANSITIONS, type ReportStatus } from '@vigie/shared';

/** The statuses a report may move to next (the server answers 409 to any other). */
export const nextStatuses = (status: ReportStatus): readonly ReportStatus[] => REPORT_TRANSITIONS[status] ?? [];

/** Dismissing a report needs a written reason (sent as `note`). */
export const needsReason = (status: ReportStatus) => status === 'dismissed';
