import type { Deps } from '../../context.ts';
import { SecretBoxError } from '../../crypto/secretBox.ts';
import { ApiError } from '../../errors.ts';
import { findPartnerCredentials, type PartnerCredentials } from '../partners/queries.ts';
import { PARTNER_ID_PATTERN } from '../partners/schemas.ts';
import { openSecret } from '../partners/secrets.ts';
import { SIGNATURE_TOLERANCE_SECONDS, verifySignature } from './signature.ts';

// One message for every authentication failure: which part was wrong is nobody else's business.
export const unauthorized = () => new ApiError(401, 'Partenaire ou signature invalide.');

/** The secrets that may verify a partner's signature: the current one, and the previous during an overlap. */
export function partnerSecrets({ env, logger }: Pick<Deps, 'env' | 'logger'>, partner: PartnerCredentials): Buffer[] {
  // One that no longer opens (the server key changed) is skipped, loudly.
  return [partner.secret_ciphertext, partner.previous_secret_ciphertext].flatMap((box) => {
    if (box === null) return [];
    try {
      return [openSecret(env.VIGIE_SECRET_KEY, partner.id, box)];
    } catch (error) {
      if (!(error instanceof SecretBoxError)) throw error;
      logger.error({ partner_id: partner.id }, 'partner secret does not open: was VIGIE_SECRET_KEY changed? rotate the secret');
      return [];
    }
  });
}

/** The enabled partner named by the header, or 401 (before any signed bytes are read). */
export async function findCallingPartner(deps: Pick<Deps, 'sql'>, partnerId: string | undefined, signature: string | undefined) {
  if (!partnerId || !signature || !PARTNER_ID_PATTERN.test(partnerId)) throw unauthorized();
  const partner = await findPartnerCredentials(deps.sql, partnerId);
  if (!partner || partner.disabled) throw unauthorized();
  return partner;
}

/** Constant-time check of the signature over the signed bytes; 401 when wrong or out of tolerance. */
export function checkSignature(deps: Pick<Deps, 'env' | 'logger'>, partner: PartnerCredentials, signature: string, signed: Uint8Array) {
  const verdict = verifySignature(signature, signed, partnerSecrets(deps, partner));
  if (verdict === 'invalid') throw unauthorized();
  if (verdict === 'expired') {
    throw new ApiError(401, `Signature hors délai : t doit être à moins de ${SIGNATURE_TOLERANCE_SECONDS} s de l'heure du serveur (horloge du partenaire ?).`);
  }
}
