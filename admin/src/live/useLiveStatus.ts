import { useSyncExternalStore } from 'react';
import { liveClient } from './liveClient.ts';

export const useLiveStatus = () => useSyncExternalStore(liveClient.onStatusChange, liveClient.getStatus);
