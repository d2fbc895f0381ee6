/** `/api/<resource>/export.csv` with the list's filters and sort, in react-admin's simple-rest dialect. */
export function exportUrl(resource: string, filter: Record<string, unknown>, sort?: { field: string; order: string }): string {
  const params = new URLSearchParams({ filter: JSON.stringify(filter ?? {}) });
  if (sort?.field) params.set('sort', JSON.stringify([sort.field, sort.order]));
  return `/api/${resource}/export.csv?${params}`;
}
