import CampaignIcon from '@mui/icons-material/Campaign';
import { BroadcastCreate } from './BroadcastCreate.tsx';
import { BroadcastEdit } from './BroadcastEdit.tsx';
import { BroadcastList } from './BroadcastList.tsx';
import { BroadcastShow } from './BroadcastShow.tsx';

export default {
  list: BroadcastList,
  show: BroadcastShow,
  edit: BroadcastEdit,
  create: BroadcastCreate,
  icon: CampaignIcon,
  recordRepresentation: 'title',
};
