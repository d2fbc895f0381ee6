import { communeProjection, type FullStats, type GeoJSON } from '@vigie/shared';

const escapeXml = (s: string) => s.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * The commune outline with the period's heat cells, as an SVG drawing: no tiles to fetch, so the
 * PDF is the same offline and in ten years. Darker cells hold more reports (a square-root scale,
 * so that one busy street does not wash every other cell out).
 */
export function heatMapSvg(ring: readonly GeoJSON.Position[], heat: FullStats['heat'], width = 480, height = 360, title = ''): string {
  const { project, outline } = communeProjection(ring, width, height);
  const max = Math.max(1, ...heat.cells.map((c) => c.count));
  const cells = heat.cells
    .map((c) => {
      const [x1, y1] = project(c.lng, c.lat + heat.cell.lat);
      const [x2, y2] = project(c.lng + heat.cell.lng, c.lat);
      const opacity = (0.15 + 0.85 * Math.sqrt(c.count / max)).toFixed(2);
      return `<rect x="${x1}" y="${y1}" width="${Math.max(0.5, x2 - x1).toFixed(1)}" height="${Math.max(0.5, y2 - y1).toFixed(1)}" fill="#c62828" fill-opacity="${opacity}"/>`;
    })
    .join('');
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">` +
    (title ? `<title>${escapeXml(title)}</title>` : '') +
    `<path d="${outline}" fill="#f5f5f5" stroke="#37474f" stroke-width="1.5"/>${cells}</svg>`
  );
}
