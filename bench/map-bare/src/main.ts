import 'leaflet/dist/leaflet.css';
import L from 'leaflet';
import Supercluster from 'supercluster';

/**
 * The least a page can do with the map's points: fetch the same payload, load it into supercluster
 * and draw what the viewport needs as circles on one Leaflet canvas. The clustering parameters, the
 * view (container size, commune bounds, zoom snapping) and the padded viewport query are the
 * admin's (admin/src/map/clusterIndex.ts, MapView.tsx, useClusterLayer.ts), so both pages index
 * and draw the same clusters; everything else the admin does is what the benchmark weighs.
 * It sets the same marks and data attributes as the admin's map.
 */
const MIN_ZOOM = 11;
const CLUSTER_MAX_ZOOM = 18;
const RADIUS = 56;

interface Points {
  id: number[];
  lat: number[];
  lng: number[];
}

const params = new URLSearchParams(location.search);
const [south, west, north, east] = (params.get('bounds') ?? '').split(',').map(Number) as [number, number, number, number];
const container = document.getElementById('map')!;
container.style.width = `${Number(params.get('w') ?? 800)}px`;
container.style.height = `${Number(params.get('h') ?? 600)}px`;

const map = L.map(container, { zoomSnap: 0.5, minZoom: MIN_ZOOM, maxZoom: 19, zoomControl: false });
map.fitBounds([[south, west], [north, east]], { padding: [12, 12] });
const renderer = L.canvas({ padding: 0.2 });
const group = L.layerGroup().addTo(map);

async function main() {
  performance.mark('vigie:map:fetch');
  const points = (await (await fetch(params.get('points') ?? '/points.json')).json()) as Points;
  performance.mark('vigie:map:points');

  const started = performance.now();
  const index = new Supercluster({ radius: RADIUS, minZoom: MIN_ZOOM, maxZoom: CLUSTER_MAX_ZOOM });
  index.load(
    points.id.map((_, i) => ({
      type: 'Feature' as const,
      geometry: { type: 'Point' as const, coordinates: [points.lng[i]!, points.lat[i]!] },
      properties: { i },
    })),
  );
  performance.measure('vigie:map:index', { start: started });

  const draw = () => {
    const bounds = map.getBounds().pad(0.15);
    const features = index.getClusters([bounds.getWest(), bounds.getSouth(), bounds.getEast(), bounds.getNorth()], Math.round(map.getZoom()));
    group.clearLayers();
    for (const feature of features) {
      const [lng, lat] = feature.geometry.coordinates as [number, number];
      const count = 'point_count' in feature.properties ? feature.properties.point_count : 1;
      const marker = L.circleMarker([lat, lng], { renderer, radius: count > 1 ? 14 : 6, color: '#ffffff', weight: 2, fillColor: '#1565c0', fillOpacity: 0.9 });
      if ('cluster_id' in feature.properties) {
        const clusterId = feature.properties.cluster_id;
        marker.on('click', () => map.flyTo([lat, lng], Math.min(index.getClusterExpansionZoom(clusterId), map.getMaxZoom())));
      }
      group.addLayer(marker);
    }
    container.dataset.points = String(points.id.length);
    container.dataset.drawn = String(features.length);
    if (container.dataset.mapState !== 'ready') {
      container.dataset.mapState = 'ready';
      performance.mark('vigie:map:ready');
    }
  };
  draw();
  map.on('moveend', draw);
}

void main();
