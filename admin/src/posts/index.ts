import PostIcon from '@mui/icons-material/Campaign';
import { PostList } from './PostList.tsx';
import { PostShow } from './PostShow.tsx';

export default {
  list: PostList,
  show: PostShow,
  icon: PostIcon,
  recordRepresentation: 'title',
};
