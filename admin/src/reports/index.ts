import ReportIcon from '@mui/icons-material/NotificationsActive';
import { ReportCreate } from './ReportCreate.tsx';
import { ReportList } from './ReportList.tsx';
import { ReportShow, ReportTitle } from './ReportShow.tsx';
import { createElement } from 'react';

export default {
  list: ReportList,
  show: ReportShow,
  create: ReportCreate,
  icon: ReportIcon,
  recordRepresentation: createElement(ReportTitle),
};
