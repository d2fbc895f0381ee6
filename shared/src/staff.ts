import type { Role } from './roles.ts';

export interface Staff {
  id: number;
  email: string;
  full_name: string;
  role: Role;
  disabled: boolean;
  created_at: string;
  updated_at: string;
  last_sign_in_at: string | null;
}

/** What `GET /api/auth/me` answers. */
export interface Identity {
  id: number;
  full_name: string;
  role: Role;
}

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 128;
