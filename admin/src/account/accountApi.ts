import { API_URL, httpClient } from '../providers/httpClient.ts';

/** One of the signed-in user's sessions, as GET /api/account/sessions answers it. */
export interface OwnSession {
  id: string;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
  ip: string | null;
  user_agent: string | null;
  current: boolean;
}

const post = (body: unknown) => ({ method: 'POST', body: JSON.stringify(body) });

export const accountApi = {
  changePassword: (current_password: string, new_password: string) =>
    httpClient(`${API_URL}/account/password`, post({ current_password, new_password })),
  sessions: async (): Promise<OwnSession[]> => (await httpClient(`${API_URL}/account/sessions`)).json as OwnSession[],
  endSession: (id: string) => httpClient(`${API_URL}/account/sessions/${encodeURIComponent(id)}`, { method: 'DELETE' }),
};
