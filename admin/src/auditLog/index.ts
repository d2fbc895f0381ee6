import AuditIcon from '@mui/icons-material/History';
import { AuditLogList } from './AuditLogList.tsx';

export default {
  list: AuditLogList,
  icon: AuditIcon,
};
