import { createLiveClient, type LiveSocket } from './createLiveClient.ts';

/**
 * The session's live client. socket.io-client is imported on first `start()` (after sign-in),
 * so it stays out of the login screen's bundle. Same origin, default path, session cookie.
 */
export const liveClient = createLiveClient(async () => {
  const { io } = await import('socket.io-client');
  const socket: LiveSocket = io({ withCredentials: true });
  return socket;
});
