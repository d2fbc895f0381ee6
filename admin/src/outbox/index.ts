import OutboxIcon from '@mui/icons-material/Outbox';
import { OutboxList } from './OutboxList.tsx';
import { OutboxShow } from './OutboxShow.tsx';

export default {
  list: OutboxList,
  show: OutboxShow,
  icon: OutboxIcon,
};
