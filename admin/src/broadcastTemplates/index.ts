import TemplateIcon from '@mui/icons-material/PostAddOutlined';
import { BroadcastTemplateCreate } from './BroadcastTemplateCreate.tsx';
import { BroadcastTemplateEdit } from './BroadcastTemplateEdit.tsx';
import { BroadcastTemplateList } from './BroadcastTemplateList.tsx';
import { BroadcastTemplateShow } from './BroadcastTemplateShow.tsx';

export default {
  list: BroadcastTemplateList,
  show: BroadcastTemplateShow,
  edit: BroadcastTemplateEdit,
  create: BroadcastTemplateCreate,
  icon: TemplateIcon,
  recordRepresentation: 'title',
};
