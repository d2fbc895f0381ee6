import { describe, expect, it } from 'vitest';
import { REPORT_STATUSES } from '@vigie/shared';
import { needsConfirmation, needsReason, nextStatuses, reopenTargets } from './transitions.ts';

describe('report status transitions', () => {
  it('lets a new report be acknowledged, dismissed or forwarded', () => {
    expect(nextStatuses('new')).toEqual(['acknowledged', 'dismissed', 'forwarded']);
  });

  it('sends a patrol only once the report is acknowledged', () => {
    expect(nextStatuses('new')).not.toContain('in_progress');
    expect(nextStatuses('acknowledged')).toContain('in_progress');
    expect(nextStatuses('in_progress')).toEqual(['resolved', 'dismissed', 'forwarded']);
  });

  it('offers no triage step on a closed report, and reopening to supervisors only', () => {
    for (const status of ['resolved', 'dismissed', 'forwarded'] as const) {
      expect(nextStatuses(status)).toEqual([]);
      expect(reopenTargets(status, 'supervisor')).toEqual(['acknowledged', 'in_progress']);
      expect(reopenTargets(status, 'officer')).toEqual([]);
    }
    expect(reopenTargets('new', 'supervisor')).toEqual([]);
  });

  it('never offers to go back to new, nor to stay put', () => {
    for (const status of REPORT_STATUSES) {
      expect(nextStatuses(status)).not.toContain('new');
      expect(nextStatuses(status)).not.toContain(status);
    }
  });

  it('asks for a reason only when dismissing, and a confirmation for every closing', () => {
    expect(REPORT_STATUSES.filter(needsReason)).toEqual(['dismissed']);
    expect(REPORT_STATUSES.filter(needsConfirmation)).toEqual(['resolved', 'dismissed', 'forwarded']);
  });
});
