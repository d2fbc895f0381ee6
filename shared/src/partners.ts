/** A partner id: lowercase letters, digits and dashes, 2 to 63 characters, not starting with a dash. */
export const PARTNER_ID_PATTERN = /^[a-z0-9][a-z0-9-]{1,62}$/;

/** A partner app as GET /api/partners shows it: never its secret. */
export interface Partner {
  id: string;
  name: string;
  rate_per_minute: number;
  disabled: boolean;
  webhook_url: string | null;
  /** Set while the secret replaced by the last rotation still verifies. */
  previous_secret_expires_at: string | null;
  created_at: string;
  updated_at: string;
}
