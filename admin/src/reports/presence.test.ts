import { describe, expect, it } from 'vitest';
import { joinNames, otherViewers } from './presence.ts';

const julien = { staff_id: 7, full_name: 'Julien Marchand', since: '2024-03-08T13:05:00Z' };
const claire = { staff_id: 3, full_name: 'Claire Dubois', since: '2024-03-08T13:06:00Z' };

describe('presence', () => {
  it('leaves the signed-in officer out, whatever the type of their id', () => {
    expect(otherViewers([julien, claire], 3)).toEqual([julien]);
    expect(otherViewers([julien, claire], '7')).toEqual([claire]);
    expect(otherViewers([julien], undefined)).toEqual([julien]);
  });

  it('names the viewers in French or English', () => {
    expect(joinNames([julien], 'fr')).toBe('Julien Marchand');
    expect(joinNames([julien, claire], 'fr')).toBe('Julien Marchand et Claire Dubois');
    expect(joinNames([julien, claire], 'en')).toBe('Julien Marchand and Claire Dubois');
  });
});
