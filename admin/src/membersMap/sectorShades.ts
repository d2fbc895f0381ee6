/** A sector with its number of members, as `GET /api/neighbourhoods` gives it (counts only, never homes). */
export interface SectorCount {
  id: number;
  name: string;
  area: Array<[number, number]>;
  member_count?: number | null;
}

/** Five steps from pale to dark blue; the legend and the list give the numbers, colour is never alone. */
export const SHADES = ['#eef3fa', '#c6d8ee', '#8fb3dd', '#4f84c4', '#1b3a66'] as const;

/** The shade of a sector: 0 members is the palest, the busiest sector the darkest, linear in between. */
export function shadeFor(count: number, max: number): string {
  if (count <= 0 || max <= 0) return SHADES[0];
  const step = Math.min(SHADES.length - 1, 1 + Math.floor(((count - 1) / max) * (SHADES.length - 1)));
  return SHADES[step]!;
}

/** The legend's ranges, one per shade, for the current busiest sector (e.g. 0, 1–3, 4–6…). */
export function legendSteps(max: number): Array<{ shade: string; from: number; to: number }> {
  if (max <= 0) return [{ shade: SHADES[0], from: 0, to: 0 }];
  const steps: Array<{ shade: string; from: number; to: number }> = [{ shade: SHADES[0], from: 0, to: 0 }];
  for (let count = 1; count <= max; count++) {
    const shade = shadeFor(count, max);
    const last = steps[steps.length - 1]!;
    if (last.shade === shade) last.to = count;
    else steps.push({ shade, from: count, to: count });
  }
  return steps;
}

export const totalMembers = (sectors: readonly SectorCount[]) => sectors.reduce((sum, sector) => sum + (sector.member_count ?? 0), 0);
