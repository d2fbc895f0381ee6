import { describe, expect, it } from 'vitest';
import type { ResponseTemplate } from '@vigie/shared';
import { canReply, templatesFor } from './replyTemplates.ts';

const template = (id: number, status: ResponseTemplate['status'], title: string, active = true): ResponseTemplate => ({
  id,
  status,
  title,
  body: `${title}.`,
  active,
});

describe('reply templates', () => {
  it('offers the active templates of the target status, by title', () => {
    const all = [
      template(1, 'acknowledged', 'Pris en compte'),
      template(2, 'resolved', 'Résolu'),
      template(3, 'acknowledged', 'Patrouille prévenue'),
      template(4, 'acknowledged', 'Ancien texte', false),
    ];
    expect(templatesFor(all, 'acknowledged').map((t) => t.id)).toEqual([3, 1]);
    expect(templatesFor(all, 'forwarded')).toEqual([]);
  });

  it('lets officers reply only to reports that came through a partner platform', () => {
    expect(canReply({ source: 'platform', partner_id: 'vvs-demo' })).toBe(true);
    expect(canReply({ source: 'phone', partner_id: null })).toBe(false);
    expect(canReply({ source: 'officer', partner_id: null })).toBe(false);
  });
});
