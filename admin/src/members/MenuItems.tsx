import GroupsIcon from '@mui/icons-material/Groups';
import ReviewIcon from '@mui/icons-material/HowToReg';
import { Menu as RaMenu, useCanAccess } from 'react-admin';

/** « Inscriptions à valider »: the town hall's queue (its count is on the dashboard). */
export const ReviewQueueItem = () => {
  const { canAccess } = useCanAccess({ action: 'approve', resource: 'members' });
  return canAccess ? <RaMenu.Item to="/members/review" primaryText="vigie.members.queue.menu" leftIcon={<ReviewIcon />} /> : null;
};

/** Every role sees how many members each sector has (neighbourhoods are listed by all). */
export const MembersMapItem = () => {
  const { canAccess } = useCanAccess({ action: 'list', resource: 'neighbourhoods' });
  return canAccess ? <RaMenu.Item to="/members-map" primaryText="vigie.members_map.menu" leftIcon={<GroupsIcon />} /> : null;
};
