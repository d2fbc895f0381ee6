import { dictionary } from '@zxcvbn-ts/language-common';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '@vigie/shared';

// zxcvbn-ts's list of the most common passwords, bundled with the package (no network lookup).
const COMMON = new Set(dictionary['passwords-common'].map((p) => p.toLowerCase()));

/** NIST SP 800-63B: length over composition rules, refuse known-bad passwords, no forced rotation. */
export function passwordProblem(password: string, context: { email?: string; full_name?: string } = {}): string | null {
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) return `Au moins ${PASSWORD_MIN_LENGTH} caractères.`;
  if (length > PASSWORD_MAX_LENGTH) return `Au plus ${PASSWORD_MAX_LENGTH} caractères.`;
  const lower = password.toLowerCase();
  if (COMMON.has(lower)) return 'Ce mot de passe est trop courant : choisissez-en un autre.';
  if (new Set(lower).size <= 2) return 'Ce mot de passe est trop répétitif.';
  const local = context.email?.split('@')[0]?.toLowerCase();
  if (local && local.length >= 4 && lower.includes(local)) return "Le mot de passe ne doit pas contenir l'adresse e-mail.";
  if (['vigie', 'bourglareine', 'bourg-la-reine', 'police', 'motdepasse'].some((w) => lower.replace(/\d+/g, '') === w)) {
    return 'Ce mot de passe est trop facile à deviner.';
  }
  return null;
}
