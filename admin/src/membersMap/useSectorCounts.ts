import { useGetList } from 'react-admin';
import type { SectorCount } from './sectorShades.ts';

/** The sectors with their member counts; the same query as the map's sectors, so one cache entry. */
export const useSectorCounts = () =>
  useGetList<SectorCount>('neighbourhoods', { pagination: { page: 1, perPage: 200 }, sort: { field: 'name', order: 'ASC' } });
