import L from 'leaflet';
import { shapeVertices, type Shape } from './markerStyle.ts';

export interface ShapeMarkerOptions extends L.CircleMarkerOptions {
  shape: Shape;
  /** Drawn in the middle (a cluster's count). */
  label?: string;
}

/** The private parts of Leaflet's canvas renderer this marker draws with (stable across 1.x). */
interface CanvasInternals {
  _drawing: boolean;
  _ctx: CanvasRenderingContext2D;
  _fillStroke(ctx: CanvasRenderingContext2D, layer: L.Path): void;
}

interface MarkerInternals {
  _renderer: CanvasInternals;
  _point: L.Point;
  _radius: number;
  _empty(): boolean;
  options: ShapeMarkerOptions;
}

/**
 * A circle marker that draws its category's shape (and an optional label) on the shared canvas.
 * Nothing is added to the DOM per marker, so 50,000 reports cost one <canvas>; hit testing stays
 * Leaflet's (a disc of the marker's radius).
 */
export const ShapeMarker = L.CircleMarker.extend({
  _updatePath(this: MarkerInternals) {
    const renderer = this._renderer;
    if (!renderer._drawing || this._empty()) return;
    const ctx = renderer._ctx;
    const { x, y } = this._point;
    const r = Math.max(Math.round(this._radius), 1);
    const vertices = shapeVertices(this.options.shape, x, y, r);
    ctx.beginPath();
    if (vertices) {
      vertices.forEach(([vx, vy], k) => (k === 0 ? ctx.moveTo(vx, vy) : ctx.lineTo(vx, vy)));
      ctx.closePath();
    } else {
      ctx.arc(x, y, r, 0, Math.PI * 2, false);
    }
    renderer._fillStroke(ctx, this as unknown as L.Path);
    if (this.options.label) {
      ctx.globalAlpha = 1;
      ctx.fillStyle = '#ffffff';
      ctx.font = `600 ${r > 18 ? 13 : 12}px system-ui, sans-serif`;
      ctx.textAlign = 'center';
      ctx.textBaseline = 'middle';
      ctx.fillText(this.options.label, x, y + 0.5);
    }
  },
}) as unknown as new (latlng: L.LatLngExpression, options: ShapeMarkerOptions) => L.CircleMarker;
