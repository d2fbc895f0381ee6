import { Loading } from 'react-admin';
import { ProgressNames } from './ProgressNames.tsx';

/** What shows while the first auth check runs, before the layout exists: its spinner named too. */
export const AppLoading = () => (
  <ProgressNames>
    <Loading />
  </ProgressNames>
);
