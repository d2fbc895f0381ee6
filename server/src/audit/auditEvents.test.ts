import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AUDIT_EVENTS } from '@vigie/shared';

const SRC = join(import.meta.dirname, '..');

const sources = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return name.endsWith('.ts') && !name.endsWith('.test.ts') ? [path] : [];
  });

// Entries written with a computed action: what each call site can produce.
const COMPUTED: Record<string, Array<[string, string]>> = {
  'members/actions.ts': ['approve', 'reject', 'suspend', 'reinstate', 'ban', 'erase'].map((a) => ['members', a]),
  'routes/posts/routes.ts': [['posts', 'approve'], ['posts', 'hide'], ['posts', 'delete']],
  'routes/staff/routes.ts': [['staff', 'suspend'], ['staff', 'reinstate'], ['staff', 'change_role'], ['staff', 'reset_password'], ['staff', 'update']],
  'routes/reports/routes.ts': [['reports', 'reopen'], ['reports', 'update']],
  'routes/partners/routes.ts': [['partners', 'suspend'], ['partners', 'reinstate'], ['partners', 'update']],
  'cli/userCreate.ts': [['staff', 'create']],
};

/** Every (resource, action) an `audit()` call in the server's source can write. */
function writtenPairs() {
  const pairs = new Set<string>();
  for (const file of sources(SRC)) {
    const text = readFileSync(file, 'utf8');
    for (const call of text.matchAll(/audit\((?:sql|tx|db), \{[^}]*\}/g)) {
      const action = /action: '([a-z_]+)'/.exec(call[0])?.[1];
      const resource = /resource: '([a-z_]+)'/.exec(call[0])?.[1];
      if (action && resource) pairs.add(`${resource}.${action}`);
    }
    const computed = Object.entries(COMPUTED).find(([suffix]) => file.endsWith(suffix))?.[1] ?? [];
    for (const [resource, action] of computed) pairs.add(`${resource}.${action}`);
  }
  return pairs;
}

describe('AUDIT_EVENTS', () => {
  it('lists every (resource, action) the server writes, so each one has a sentence and a filter choice', () => {
    const listed = new Set(Object.entries(AUDIT_EVENTS).flatMap(([resource, actions]) => actions.map((a) => `${resource}.${a}`)));
    const written = writtenPairs();
    expect(written.size).toBeGreaterThan(30);
    expect([...written].filter((pair) => !listed.has(pair)), 'add these to AUDIT_EVENTS in shared/src/audit.ts').toEqual([]);
    expect([...listed].filter((pair) => !written.has(pair)), 'never written: remove from AUDIT_EVENTS').toEqual([]);
  });
});
