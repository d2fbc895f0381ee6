import TemplateIcon from '@mui/icons-material/QuickreplyOutlined';
import { ResponseTemplateCreate } from './ResponseTemplateCreate.tsx';
import { ResponseTemplateEdit } from './ResponseTemplateEdit.tsx';
import { ResponseTemplateList } from './ResponseTemplateList.tsx';
import { ResponseTemplateShow } from './ResponseTemplateShow.tsx';

export default {
  list: ResponseTemplateList,
  show: ResponseTemplateShow,
  edit: ResponseTemplateEdit,
  create: ResponseTemplateCreate,
  icon: TemplateIcon,
  recordRepresentation: 'title',
};
