import { useLogout } from 'react-admin';
import { SESSION_TOPIC } from './liveEvents.ts';
import { useSubscribe } from './useSubscribe.ts';

/** Signs out when the server ends the session (revoked, disabled, role changed). */
export const SessionWatcher = () => {
  const logout = useLogout();
  useSubscribe(SESSION_TOPIC, () => void logout());
  return null;
};
