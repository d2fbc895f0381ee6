import { describe, expect, it } from 'vitest';
import { REPORT_STATUSES } from '@vigie/shared';
import { needsReason, nextStatuses } from './transitions.ts';

describe('report status transitions', () => {
  it('lets a new report be acknowledged, dismissed or forwarded', () => {
    expect(nextStatuses('new')).toEqual(['acknowledged', 'dismissed', 'forwarded']);
  });

  it('sends a patrol only once the report is acknowledged', () => {
    expect(nextStatuses('new')).not.toContain('in_progress');
    expect(nextStatuses('acknowledged')).toContain('in_progress');
    expect(nextStatuses('in_progress')).toEqual(['resolved', 'dismissed', 'forwarded']);
  });

  it('treats resolved, dismissed and forwarded as final', () => {
    for (const status of ['resolved', 'dismissed', 'forwarded'] as const) expect(nextStatuses(status)).toEqual([]);
  });

  it('never offers to go back to new, nor to stay put', () => {
    for (const status of REPORT_STATUSES) {
      expect(nextStatuses(status)).not.toContain('new');
      expect(nextStatuses(status)).not.toContain(status);
    }
  });

  it('asks for a reason only when dismissing', () => {
    expect(REPORT_STATUSES.filter(needsReason)).toEqual(['dismissed']);
  });
});
