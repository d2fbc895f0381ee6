import type { ReportStatus, ResponseTemplate } from '@vigie/shared';

/** Replies reach the resident through the partner that sent the report: platform reports only. */
export const canReply = (report: { source: string; partner_id: string | null }) => report.source === 'platform' && report.partner_id !== null;

/** The active templates worded for the status the report is moving to (or is in), by title. */
export const templatesFor = (templates: readonly ResponseTemplate[], status: ReportStatus) =>
  templates.filter((template) => template.active && template.status === status).sort((a, b) => a.title.localeCompare(b.title, 'fr'));
