import { describe, expect, it } from 'vitest';
import { ACTIONS, PERMISSIONS, RESOURCES, canAccess } from './permissions.ts';
import { ROLES } from './roles.ts';

describe('canAccess', () => {
  it('keeps town-hall staff away from reports and triage notes', () => {
    for (const action of ACTIONS) {
      expect(canAccess('townhall', { action, resource: 'reports' })).toBe(false);
      expect(canAccess('townhall', { action, resource: 'report_events' })).toBe(false);
    }
  });

  it('lets only admins manage staff accounts', () => {
    for (const role of ROLES) {
      expect(canAccess(role, { action: 'edit', resource: 'staff' })).toBe(role === 'admin');
    }
  });

  it('lets only admins manage partners, and nobody delete one', () => {
    for (const role of ROLES) {
      for (const action of ['list', 'show', 'create', 'edit']) {
        expect(canAccess(role, { action, resource: 'partners' })).toBe(role === 'admin');
      }
      expect(canAccess(role, { action: 'delete', resource: 'partners' })).toBe(false);
      expect(canAccess(role, { action: 'subscribe', resource: 'partners' })).toBe(false);
    }
  });

  it('lets officers triage reports but not read the audit log', () => {
    expect(canAccess('officer', { action: 'edit', resource: 'reports' })).toBe(true);
    expect(canAccess('officer', { action: 'list', resource: 'audit_log' })).toBe(false);
    expect(canAccess('supervisor', { action: 'list', resource: 'audit_log' })).toBe(true);
  });

  it('never lets anyone delete a report or write the audit log', () => {
    for (const role of ROLES) {
      expect(canAccess(role, { action: 'delete', resource: 'reports' })).toBe(false);
      for (const action of ['create', 'edit', 'delete']) {
        expect(canAccess(role, { action, resource: 'audit_log' })).toBe(false);
      }
    }
  });

  it('refuses unknown roles, resources and actions', () => {
    expect(canAccess(null, { action: 'list', resource: 'reports' })).toBe(false);
    expect(canAccess('officer', { action: 'list', resource: 'nope' })).toBe(false);
    expect(canAccess('officer', { action: 'fly', resource: 'reports' })).toBe(false);
    expect(canAccess('officer', { action: 'list', resource: '__proto__' })).toBe(false);
  });

  it('names only known resources in the matrix', () => {
    expect(Object.keys(PERMISSIONS).sort()).toEqual([...RESOURCES].sort());
  });
});
