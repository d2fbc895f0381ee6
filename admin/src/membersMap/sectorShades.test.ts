import { describe, expect, it } from 'vitest';
import { legendSteps, shadeFor, SHADES, totalMembers } from './sectorShades.ts';

describe('sector shades on the members map', () => {
  it('gives the palest shade to an empty sector and the darkest to the busiest', () => {
    expect(shadeFor(0, 40)).toBe(SHADES[0]);
    expect(shadeFor(40, 40)).toBe(SHADES[4]);
    expect(shadeFor(1, 40)).toBe(SHADES[1]);
  });

  it('never shades a sector with members like an empty one', () => {
    for (let count = 1; count <= 7; count++) expect(shadeFor(count, 7)).not.toBe(SHADES[0]);
  });

  it('describes every shade in the legend as a range covering 0 to the maximum', () => {
    const steps = legendSteps(12);
    expect(steps[0]).toEqual({ shade: SHADES[0], from: 0, to: 0 });
    expect(steps.at(-1)?.to).toBe(12);
    for (let i = 1; i < steps.length; i++) expect(steps[i]!.from).toBe(steps[i - 1]!.to + 1);
    expect(legendSteps(0)).toEqual([{ shade: SHADES[0], from: 0, to: 0 }]);
  });

  it('adds up the members of every sector, a sector without a count as zero', () => {
    expect(totalMembers([{ id: 1, name: 'A', area: [], member_count: 3 }, { id: 2, name: 'B', area: [], member_count: null }])).toBe(3);
  });
});
