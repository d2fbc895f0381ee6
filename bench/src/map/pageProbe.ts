/**
 * What both pages carry from their first script on (`addInitScript`), so the admin's map and the
 * bare page are read the same way. Browser JavaScript in a string: the bench package has no DOM
 * types, and this must not be transformed by tsx.
 *
 * - `painted`: the first task after the frame that follows the `vigie:map:ready` mark. Both pages
 *   add their canvas layers and mark ready in the same task, and Leaflet's canvas redraw waits for
 *   the next animation frame: this is when the clusters are on screen and the main thread free.
 * - long tasks, to say where the time went when a goal is missed.
 */
export const PAGE_PROBE = `(() => {
  const state = { painted: null, longTasks: [] };
  const mark = performance.mark.bind(performance);
  performance.mark = function (name, options) {
    const entry = mark(name, options);
    if (name === 'vigie:map:ready' && state.painted === null) {
      requestAnimationFrame(() => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => { state.painted = performance.now(); };
        channel.port2.postMessage(null);
      });
    }
    return entry;
  };
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) state.longTasks.push([Math.round(e.startTime), Math.round(e.duration)]);
    }).observe({ type: 'longtask', buffered: true });
  } catch {}
  const last = (name) => performance.getEntriesByName(name).at(-1) ?? null;
  window.__vigieBench = {
    state,
    collect() {
      const map = document.querySelector('[data-map-state]');
      const points = last('vigie:map:points');
      const resource = performance.getEntriesByType('resource').filter((r) => /\\/api\\/reports\\/points|\\/points\\.json/.test(r.name)).at(-1);
      const count = (selector) => document.querySelectorAll(selector).length;
      return {
        state: map ? map.dataset.mapState ?? null : null,
        points: map ? Number(map.dataset.points) : NaN,
        drawn: map ? Number(map.dataset.drawn) : NaN,
        box: map ? (({ width, height }) => ({ width, height }))(map.getBoundingClientRect()) : null,
        fetch: last('vigie:map:fetch')?.startTime ?? null,
        arrived: points?.startTime ?? null,
        ready: last('vigie:map:ready')?.startTime ?? null,
        painted: state.painted,
        indexMs: last('vigie:map:index')?.duration ?? null,
        responseEnd: resource ? resource.responseEnd : null,
        encodedBodySize: resource ? resource.encodedBodySize : null,
        decodedBodySize: resource ? resource.decodedBodySize : null,
        // Anything Leaflet puts in the DOM per marker: icons, shadows, SVG shapes, tooltips.
        markerElements: count('.leaflet-marker-icon, .leaflet-marker-shadow, .leaflet-tooltip, .leaflet-pane svg path, .leaflet-pane svg circle, .leaflet-interactive:not(canvas)'),
        svgPaths: count('.leaflet-pane svg path'),
        canvases: count('.leaflet-pane canvas'),
        listRows: count('[data-report-id]'),
        domNodes: count('*'),
        longTasks: points ? state.longTasks.filter(([start, duration]) => start + duration >= points.startTime) : [],
      };
    },
  };
})();`;

export interface PageReading {
  state: string | null;
  points: number;
  drawn: number;
  box: { width: number; height: number } | null;
  fetch: number | null;
  arrived: number | null;
  ready: number | null;
  painted: number | null;
  indexMs: number | null;
  responseEnd: number | null;
  encodedBodySize: number | null;
  decodedBodySize: number | null;
  markerElements: number;
  svgPaths: number;
  canvases: number;
  listRows: number;
  domNodes: number;
  /** [start, duration] in ms since navigation, those that end after the data arrived. */
  longTasks: Array<[number, number]>;
}
