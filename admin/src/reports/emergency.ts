import { canTransition, type Report } from '@vigie/shared';

/**
 * The emergency gate: the text suggests a danger in progress (the server set `emergency`), or a
 * report was raised to urgent and nobody has looked at it yet. Once the report can no longer be
 * forwarded (closed, or already forwarded) the banner has done its job.
 */
export const needsEmergencyGate = (report: Pick<Report, 'emergency' | 'priority' | 'status'>) =>
  (report.emergency || (report.priority === 'urgent' && report.status === 'new')) && canTransition(report.status, 'forwarded');
