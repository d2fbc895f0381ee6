/**
 * The consent text residents accept, and its version: the server stores the version with the
 * timestamp, so a new wording needs a new version (the old one keeps describing past consents).
 */
export const CONSENT_VERSION = '2026-12';

export const CONSENT_TEXT =
  "J'accepte que la mairie et la police municipale conservent les informations de ce formulaire pour me " +
  "prévenir des alertes de sécurité de mon quartier par les moyens choisis. Elles ne sont ni vendues ni " +
  "transmises à des tiers. Je peux me désinscrire à tout moment (lien dans chaque message, « STOP » par SMS) " +
  "et demander l'accès à mes données ou leur effacement auprès de la mairie.";
