import type { Deps } from '../../context.ts';
import { ApiError } from '../../errors.ts';
import { verifyingSecrets, type PartnerKeys } from '../partners/keyring.ts';
import { PARTNER_ID_PATTERN } from '../partners/schemas.ts';
import { SIGNATURE_TOLERANCE_SECONDS, verifySignature } from './signature.ts';

// One message for every authentication failure: which part was wrong is nobody else's business.
export const unauthorized = () => new ApiError(401, 'Partenaire ou signature invalide.');

/** The enabled partner named by the header, or 401 (before any signed bytes are read). */
export async function findCallingPartner(deps: Pick<Deps, 'partnerKeys'>, partnerId: string | undefined, signature: string | undefined) {
  if (!partnerId || !signature || !PARTNER_ID_PATTERN.test(partnerId)) throw unauthorized();
  const partner = await deps.partnerKeys.get(partnerId);
  if (!partner || partner.disabled) throw unauthorized();
  return partner;
}

/** Constant-time check of the signature over the signed bytes; 401 when wrong or out of tolerance. */
export function checkSignature(partner: PartnerKeys, signature: string, signed: Uint8Array) {
  const verdict = verifySignature(signature, signed, verifyingSecrets(partner));
  if (verdict === 'invalid') throw unauthorized();
  if (verdict === 'expired') {
    throw new ApiError(401, `Signature hors délai : t doit être à moins de ${SIGNATURE_TOLERANCE_SECONDS} s de l'heure du serveur (horloge du partenaire ?).`);
  }
}
