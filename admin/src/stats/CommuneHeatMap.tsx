import { communeProjection, type FullStats, type GeoJSON } from '@vigie/shared';
import { useTranslate } from 'react-admin';

const outer = (b: GeoJSON.Polygon | GeoJSON.MultiPolygon): GeoJSON.Position[] =>
  b.type === 'Polygon' ? (b.coordinates[0] ?? []) : (b.coordinates.map((p) => p[0] ?? []).sort((x, y) => y.length - x.length)[0] ?? []);

/**
 * The period's heat cells drawn over the commune outline as plain SVG: no tile server, so it shows
 * offline, prints, and never reveals a single report's position (cells of ~100 m only).
 */
export const CommuneHeatMap = ({ boundary, heat, width = 560, height = 420 }: { boundary: GeoJSON.Polygon | GeoJSON.MultiPolygon; heat: FullStats['heat']; width?: number; height?: number }) => {
  const translate = useTranslate();
  const { project, outline } = communeProjection(outer(boundary), width, height);
  const max = Math.max(1, ...heat.cells.map((c) => c.count));
  return (
    <svg viewBox={`0 0 ${width} ${height}`} width="100%" style={{ maxWidth: width }} role="img" aria-label={translate('vigie.stats.heat_map_label')}>
      <path d={outline} fill="#f5f5f5" stroke="#37474f" strokeWidth={1.5} />
      {heat.cells.map((c) => {
        const [x1, y1] = project(c.lng, c.lat + heat.cell.lat);
        const [x2, y2] = project(c.lng + heat.cell.lng, c.lat);
        return (
          <rect
            key={`${c.lat},${c.lng}`}
            x={x1}
            y={y1}
            width={Math.max(0.5, x2 - x1)}
            height={Math.max(0.5, y2 - y1)}
            fill="#c62828"
            fillOpacity={0.15 + 0.85 * Math.sqrt(c.count / max)}
          >
            <title>{translate('vigie.stats.cell_count', { smart_count: c.count })}</title>
          </rect>
        );
      })}
    </svg>
  );
};
