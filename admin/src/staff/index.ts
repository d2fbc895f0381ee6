import StaffIcon from '@mui/icons-material/Badge';
import { StaffCreate } from './StaffCreate.tsx';
import { StaffEdit } from './StaffEdit.tsx';
import { StaffList } from './StaffList.tsx';

export default {
  list: StaffList,
  edit: StaffEdit,
  create: StaffCreate,
  icon: StaffIcon,
  recordRepresentation: 'full_name',
};
