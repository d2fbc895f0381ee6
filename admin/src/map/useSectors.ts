import { useGetList } from 'react-admin';
import { useSubscribeToRecordList } from '../live/useSubscribe.ts';

export interface Sector {
  id: number;
  name: string;
  area: Array<[number, number]>;
}

/**
 * The commune's sectors (a few dozen at most), for the polygons and the sector filter; redrawn when
 * a supervisor changes them (`neighbourhood:*` events), so a map left open all night stays right.
 */
export const useSectors = (): Sector[] => {
  const { data, refetch } = useGetList<Sector>('neighbourhoods', { pagination: { page: 1, perPage: 200 }, sort: { field: 'name', order: 'ASC' } });
  useSubscribeToRecordList(() => void refetch(), 'neighbourhoods');
  return data ?? [];
};
