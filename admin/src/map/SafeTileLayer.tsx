import { useEffect } from 'react';
import L from 'leaflet';
import { useMap } from 'react-leaflet';

/** One tile's URL for the map's centre, to find out whether the tile server answers at all. */
function probeUrl(map: L.Map, template: string) {
  const zoom = Math.round(map.getZoom());
  const { x, y } = map.project(map.getCenter(), zoom).divideBy(256).floor();
  return L.Util.template(template, { s: 'a', x, y, z: zoom, r: '' });
}

/**
 * The tile layer from the commune's configuration, added only once one probe tile has loaded.
 * Offline, or with a blocked tile server, a plain layer fires a failing request per tile on every
 * pan; here a single probe fails, `onUnavailable` says so, and the probe is tried again when the
 * browser comes back online. Boundary, sectors and markers never depend on tiles.
 */
export const SafeTileLayer = ({ url, attribution, onUnavailable }: { url: string; attribution: string; onUnavailable: () => void }) => {
  const map = useMap();
  useEffect(() => {
    const layer = L.tileLayer(url, { attribution, maxZoom: 19 });
    let probe: HTMLImageElement | null = null;
    const tryTiles = () => {
      if (map.hasLayer(layer)) return;
      probe = new Image();
      probe.onload = () => layer.addTo(map);
      probe.onerror = () => onUnavailable();
      probe.src = probeUrl(map, url);
    };
    tryTiles();
    window.addEventListener('online', tryTiles);
    return () => {
      window.removeEventListener('online', tryTiles);
      if (probe) probe.onload = probe.onerror = null;
      layer.remove();
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [map, url, attribution]);
  return null;
};
