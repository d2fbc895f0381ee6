import PartnerIcon from '@mui/icons-material/HandshakeOutlined';
import { PartnerCreate } from './PartnerCreate.tsx';
import { PartnerEdit } from './PartnerEdit.tsx';
import { PartnerList } from './PartnerList.tsx';

export default {
  list: PartnerList,
  edit: PartnerEdit,
  create: PartnerCreate,
  icon: PartnerIcon,
  recordRepresentation: 'name',
};
