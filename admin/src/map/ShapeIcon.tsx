import { CATEGORY_SHAPES, STATUS_MARKER_COLOURS, svgPoints } from './markerStyle.ts';
import type { ReportCategory, ReportStatus } from '@vigie/shared';

/** The marker of a category in a status, as a small SVG (legend, list rows); decorative. */
export const ShapeIcon = ({ category, status, size = 18 }: { category: ReportCategory; status?: ReportStatus; size?: number }) => {
  const fill = status ? STATUS_MARKER_COLOURS[status] : '#4a5a70';
  const points = svgPoints(CATEGORY_SHAPES[category] ?? 'circle', size);
  return (
    <svg width={size} height={size} viewBox={`0 0 ${size} ${size}`} aria-hidden focusable="false" style={{ flexShrink: 0 }}>
      {points ? (
        <polygon points={points} fill={fill} stroke="#ffffff" strokeWidth={1.5} />
      ) : (
        <circle cx={size / 2} cy={size / 2} r={size * 0.31} fill={fill} stroke="#ffffff" strokeWidth={1.5} />
      )}
    </svg>
  );
};
