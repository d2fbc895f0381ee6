/**
 * `GET /api/members/export.csv?filter=…` with the list's current filters, in ra-data-simple-rest's
 * dialect (one JSON `filter` parameter), so the file holds exactly what the list shows, all pages.
 * Empty values (a cleared filter input) are left out, as react-admin leaves them out of getList.
 */
export function membersExportUrl(filter: Record<string, unknown>): string {
  const kept = Object.fromEntries(Object.entries(filter).filter(([, value]) => value !== undefined && value !== null && value !== ''));
  const query = Object.keys(kept).length ? `?filter=${encodeURIComponent(JSON.stringify(kept))}` : '';
  return `/api/members/export.csv${query}`;
}
