import BannedWordIcon from '@mui/icons-material/Block';
import { BannedWordCreate, BannedWordEdit } from './BannedWordForms.tsx';
import { BannedWordList } from './BannedWordList.tsx';

export default {
  list: BannedWordList,
  create: BannedWordCreate,
  edit: BannedWordEdit,
  icon: BannedWordIcon,
  recordRepresentation: 'word',
};
