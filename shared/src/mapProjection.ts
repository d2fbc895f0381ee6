import type { GeoJSON } from './commune.ts';

/**
 * A flat projection of the commune onto a `width` × `height` drawing, for maps that must not
 * depend on tiles (the monthly PDF, a printed report). At a commune's scale an equirectangular
 * projection, with longitudes shrunk by cos(latitude), keeps shapes and distances true.
 */
export function communeProjection(ring: readonly GeoJSON.Position[], width: number, height: number, margin = 8) {
  const lngs = ring.map((p) => p[0]);
  const lats = ring.map((p) => p[1]);
  const minLng = Math.min(...lngs);
  const maxLng = Math.max(...lngs);
  const minLat = Math.min(...lats);
  const maxLat = Math.max(...lats);
  const k = Math.cos((((minLat + maxLat) / 2) * Math.PI) / 180);
  const spanX = Math.max((maxLng - minLng) * k, 1e-9);
  const spanY = Math.max(maxLat - minLat, 1e-9);
  const scale = Math.min((width - 2 * margin) / spanX, (height - 2 * margin) / spanY);
  const offsetX = (width - spanX * scale) / 2;
  const offsetY = (height - spanY * scale) / 2;
  const round = (v: number) => Math.round(v * 10) / 10;
  const project = (lng: number, lat: number): [number, number] => [
    round(offsetX + (lng - minLng) * k * scale),
    round(offsetY + (maxLat - lat) * scale),
  ];
  const path = (points: readonly GeoJSON.Position[]) =>
    points.map((p, i) => `${i ? 'L' : 'M'}${project(p[0], p[1]).join(' ')}`).join(' ') + ' Z';
  return { project, path, outline: path(ring) };
}
