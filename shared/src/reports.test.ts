import { describe, expect, it } from 'vitest';
import { CLOSED_STATUSES, canTransition, isReopening, REPORT_STATUSES, REPORT_TRANSITIONS } from './reports.ts';
import { ROLES } from './roles.ts';

describe('REPORT_TRANSITIONS', () => {
  it('lets a supervisor, and nobody else, reopen a closed report to acknowledged or in progress', () => {
    for (const from of CLOSED_STATUSES) {
      expect(REPORT_TRANSITIONS[from]).toEqual(['acknowledged', 'in_progress']);
      for (const to of REPORT_TRANSITIONS[from]) {
        expect(isReopening(from, to)).toBe(true);
        for (const role of ROLES) expect(canTransition(from, to, role), `${role} ${from}→${to}`).toBe(role === 'supervisor');
        expect(canTransition(from, to)).toBe(false);
      }
    }
  });

  it('never goes from one closed status to another, nor back to new', () => {
    for (const from of REPORT_STATUSES) {
      expect(REPORT_TRANSITIONS[from]).not.toContain('new');
      expect(REPORT_TRANSITIONS[from]).not.toContain(from);
      if (CLOSED_STATUSES.includes(from)) for (const to of CLOSED_STATUSES) expect(REPORT_TRANSITIONS[from]).not.toContain(to);
    }
  });

  it('lets every police role triage an open report without a role check', () => {
    expect(canTransition('new', 'acknowledged', 'officer')).toBe(true);
    expect(canTransition('in_progress', 'forwarded')).toBe(true);
    expect(canTransition('new', 'resolved', 'supervisor')).toBe(false);
  });
});
