import MemberIcon from '@mui/icons-material/Diversity3';
import { createElement } from 'react';
import { MemberCreate } from './MemberCreate.tsx';
import { MemberList } from './MemberList.tsx';
import { MemberShow, MemberTitle } from './MemberShow.tsx';

export default {
  list: MemberList,
  show: MemberShow,
  create: MemberCreate,
  icon: MemberIcon,
  recordRepresentation: createElement(MemberTitle),
};
