/** Staff roles. `officer` = agent de police municipale, `supervisor` = chef de poste / chef de police. */
export const ROLES = ['officer', 'supervisor', 'townhall', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const isRole = (value: unknown): value is Role =>
  typeof value === 'string' && (ROLES as readonly string[]).includes(value);
