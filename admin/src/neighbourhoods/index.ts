import NeighbourhoodIcon from '@mui/icons-material/HolidayVillage';
import { NeighbourhoodList } from './NeighbourhoodList.tsx';

export default {
  list: NeighbourhoodList,
  icon: NeighbourhoodIcon,
  recordRepresentation: 'name',
};
