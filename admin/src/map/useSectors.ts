import { useGetList } from 'react-admin';

export interface Sector {
  id: number;
  name: string;
  area: Array<[number, number]>;
}

/** The commune's sectors (a few dozen at most), for the polygons and the sector filter. */
export const useSectors = (): Sector[] =>
  useGetList<Sector>('neighbourhoods', { pagination: { page: 1, perPage: 200 }, sort: { field: 'name', order: 'ASC' } }).data ?? [];
