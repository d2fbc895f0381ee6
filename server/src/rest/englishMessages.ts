/**
 * The server's hand-written French messages in English, for clients whose Accept-Language prefers
 * it. `{}` stands for a part filled in at run time (a number, a field, a status), carried over as
 * it came. `englishMessages.test.ts` fails when a message in the sources has no entry here.
 */
export const ENGLISH_MESSAGES: Record<string, string> = {
  // Shapes every route shares (errors.ts, app.ts, rest/)
  'Données invalides.': 'Invalid data.',
  'Introuvable.': 'Not found.',
  'Accès refusé.': 'Access denied.',
  'Route inconnue.': 'Unknown route.',
  'Requête trop volumineuse (1 Mo au plus).': 'Request too large (1 MB at most).',
  'Requête trop volumineuse.': 'Request too large.',
  'Requête invalide.': 'Invalid request.',
  'Erreur interne du serveur.': 'Internal server error.',
  'Service momentanément indisponible : réessayez dans quelques secondes.': 'Service temporarily unavailable: try again in a few seconds.',
  'Cette valeur est déjà utilisée.': 'This value is already in use.',
  'Valeur déjà utilisée.': 'Value already in use.',
  'Adresse déjà utilisée.': 'Address already in use.',
  'Titre déjà utilisé pour ce statut.': 'Title already used for this status.',
  'Nom déjà utilisé.': 'Name already in use.',
  'Identifiant déjà utilisé.': 'Identifier already in use.',
  'Identifiant externe déjà utilisé.': 'External identifier already in use.',
  'JSON invalide (UTF-8 attendu).': 'Invalid JSON (UTF-8 expected).',
  "Le corps n'est pas un JSON valide.": 'The body is not valid JSON.',
  'JSON invalide.': 'Invalid JSON.',
  'JSON attendu.': 'JSON expected.',
  "Le paramètre {} n'est pas un JSON valide.": 'The {} parameter is not valid JSON.',
  "Le paramètre filter n'est pas un JSON valide.": 'The filter parameter is not valid JSON.',
  'Le tri attend ["champ","ASC"|"DESC"].': 'Sort expects ["field","ASC"|"DESC"].',
  'Tri impossible sur « {} » (champs possibles : {}).': 'Cannot sort on "{}" (possible fields: {}).',
  'La plage attend [début, fin] (entiers positifs).': 'Range expects [start, end] (positive integers).',
  'Au plus {} lignes par page.': 'At most {} rows per page.',
  'Le filtre attend un objet JSON.': 'Filter expects a JSON object.',
  'Filtre invalide.': 'Invalid filter.',
  'Requis.': 'Required.',
  // Sessions, origins, accounts
  'Authentification requise.': 'Authentication required.',
  'Requête intersite refusée.': 'Cross-site request refused.',
  'Origine refusée.': 'Origin refused.',
  'Origine manquante.': 'Origin missing.',
  'Trop de tentatives. Réessayez dans {} min.': 'Too many attempts. Try again in {} min.',
  'Compte introuvable.': 'Account not found.',
  'Mot de passe actuel incorrect.': 'Current password is incorrect.',
  'Session introuvable.': 'Session not found.',
  'Cette adresse e-mail est déjà utilisée.': 'This e-mail address is already in use.',
  'Vous ne pouvez pas désactiver votre propre compte ni changer votre rôle.': 'You cannot disable your own account or change your role.',
  'Il doit rester au moins un administrateur actif.': 'At least one active administrator must remain.',
  'Agent introuvable.': 'Officer not found.',
  'Agent inconnu ou désactivé.': 'Unknown or disabled officer.',
  // Members, relatives, registrations
  'Membre introuvable.': 'Member not found.',
  'Impossible de {} un membre « {} ».': 'Cannot {} a member "{}".',
  'Transition impossible.': 'Transition not allowed.',
  'Un justificatif se demande pour une inscription à examiner, pas pour un membre « {} ».': 'A proof of address is asked for a registration under review, not for a "{}" member.',
  'Ce membre n’a ni e-mail ni mobile joignable : demandez le justificatif de vive voix.': 'This member has no reachable e-mail or mobile: ask for the proof in person.',
  'Un membre effacé ne se modifie plus.': 'An erased member can no longer be changed.',
  'Membre inconnu.': 'Unknown member.',
  'Ce membre a été effacé.': 'This member has been erased.',
  'Proche introuvable.': 'Relative not found.',
  'Seule l’inscription d’un senior comporte des proches.': 'Only a senior’s registration has relatives.',
  '5 proches au plus par senior.': 'At most 5 relatives per senior.',
  'Ce proche a été effacé.': 'This relative has been erased.',
  'Destinataire introuvable ou effacé.': 'Recipient not found or erased.',
  'Merci ! Un e-mail de confirmation vient de vous être envoyé : ouvrez le lien qu’il contient pour terminer votre inscription.':
    'Thank you! A confirmation e-mail has just been sent to you: open the link it contains to complete your registration.',
  'Trop d’inscriptions depuis cette adresse : réessayez dans {} min.': 'Too many registrations from this address: try again in {} min.',
  'Lien de confirmation inconnu.': 'Unknown confirmation link.',
  'Ce lien de confirmation n’est pas valide : vérifiez qu’il a été copié en entier.': 'This confirmation link is not valid: check that it was copied in full.',
  'Ce lien a déjà été utilisé : votre confirmation est enregistrée.': 'This link has already been used: your confirmation is recorded.',
  'Ce lien a expiré. Inscrivez-vous de nouveau, ou contactez l’accueil de la mairie.': 'This link has expired. Register again, or contact the town hall’s front desk.',
  'Merci ! Vos coordonnées sont confirmées : vous recevrez les alertes.': 'Thank you! Your contact details are confirmed: you will receive the alerts.',
  'Cette inscription n’attend plus de confirmation.': 'This registration no longer awaits confirmation.',
  'Merci ! Votre inscription est confirmée : la mairie va l’examiner.': 'Thank you! Your registration is confirmed: the town hall will review it.',
  'Rien n’a été importé : {} ligne{} à corriger.': 'Nothing was imported: {} line{} to correct.',
  'dry_run vaut 1 ou 0.': 'dry_run is 1 or 0.',
  // Moderation
  'Ce mot est déjà dans la liste.': 'This word is already in the list.',
  'Déjà dans la liste.': 'Already in the list.',
  'Mot introuvable.': 'Word not found.',
  'Publication introuvable.': 'Post not found.',
  'Impossible : cette publication est déjà {}.': 'Not possible: this post is already {}.',
  // Templates, broadcasts, deliveries
  'Un modèle porte déjà ce titre dans cette catégorie.': 'A template already has this title in this category.',
  'Titre déjà utilisé dans cette catégorie.': 'Title already used in this category.',
  'Un modèle porte déjà ce titre pour ce statut.': 'A template already has this title for this status.',
  'Modèle introuvable.': 'Template not found.',
  'Modèle de réponse inconnu ou désactivé.': 'Unknown or disabled response template.',
  'Ce modèle ne correspond pas au statut du signalement.': 'This template does not match the report’s status.',
  'La fin doit suivre le début.': 'The end must come after the start.',
  'Requis pour un envoi par SMS.': 'Required for sending by SMS.',
  'Requis pour un envoi par e-mail.': 'Required for sending by e-mail.',
  "Une suite précise ce qu'elle suit et sa nature.": 'A follow-up states what it follows and its kind.',
  'Requis pour une fermeture de route.': 'Required for a road closure.',
  'Diffusion introuvable.': 'Broadcast not found.',
  'Diffusion suivie introuvable.': 'Followed broadcast not found.',
  'Seule une diffusion envoyée peut avoir une suite.': 'Only a sent broadcast can have a follow-up.',
  'Diffusion déjà programmée, envoyée ou annulée : elle ne se modifie plus.': 'Broadcast already scheduled, sent or cancelled: it can no longer be changed.',
  'Seul un brouillon peut être envoyé.': 'Only a draft can be sent.',
  "L'auteur d'une diffusion ne peut pas l'approuver : un second superviseur doit le faire.": 'The author of a broadcast cannot approve it: a second supervisor must do so.',
  "Cette diffusion n'attend pas d'approbation.": 'This broadcast is not awaiting approval.',
  'Diffusion déjà envoyée ou annulée.': 'Broadcast already sent or cancelled.',
  'Seule une diffusion envoyée peut être relancée.': 'Only a sent broadcast can be retried.',
  'Aucun échec à relancer.': 'No failures to retry.',
  'Envoi introuvable.': 'Delivery not found.',
  'Message introuvable.': 'Message not found.',
  'Lien de désabonnement invalide.': 'Invalid unsubscribe link.',
  'Attendu : One-Click.': 'Expected: One-Click.',
  'Jeton du fournisseur SMS invalide.': 'Invalid SMS provider token.',
  'Numéro et texte attendus.': 'Number and text expected.',
  // Reports and their history
  'Signalement introuvable.': 'Report not found.',
  'Signalements introuvables : {}.': 'Reports not found: {}.',
  'Événement introuvable.': 'Event not found.',
  'Clé invalide : un UUID ou 1 à 200 caractères imprimables.': 'Invalid key: a UUID or 1 to 200 printable characters.',
  'Cette clé Idempotency-Key a déjà servi pour un autre signalement.': 'This Idempotency-Key has already been used for another report.',
  'Déjà utilisée avec un autre contenu : une nouvelle saisie demande une nouvelle clé.': 'Already used with other content: a new entry needs a new key.',
  'La référence ne se donne qu’en transmettant à la Police nationale.': 'The reference is given only when forwarding to the Police nationale.',
  'Transition impossible : un signalement « {} » ne peut pas passer à « {} ».': 'Transition not allowed: a "{}" report cannot move to "{}".',
  'Seul un chef de poste peut rouvrir un signalement clos.': 'Only a station chief can reopen a closed report.',
  'Un motif est requis pour classer un signalement.': 'A reason is required to close a report.',
  'Un motif est requis pour rouvrir un signalement.': 'A reason is required to reopen a report.',
  "Ce signalement n'est pas venu d'une plateforme partenaire : rappelez la personne.": 'This report did not come from a partner platform: call the person back.',
  'Latitude et longitude vont ensemble.': 'Latitude and longitude go together.',
  'La date de début doit précéder la date de fin.': 'The start date must precede the end date.',
  'Période trop longue ({} jours au plus).': 'Period too long ({} days at most).',
  // Sectors, partners, intake
  'Un secteur porte déjà ce nom.': 'A sector already has this name.',
  'Secteur introuvable.': 'Sector not found.',
  'Partenaire introuvable.': 'Partner not found.',
  'Cet identifiant de partenaire est déjà utilisé.': 'This partner identifier is already in use.',
  'Le service d’adresses ne répond pas : placez le point sur la carte ou réessayez.': 'The address service is not answering: place the point on the map or try again.',
  'Partenaire ou signature invalide.': 'Invalid partner or signature.',
  "Signature hors délai : t doit être à moins de {} s de l'heure du serveur (horloge du partenaire ?).": 'Signature out of time: t must be within {} s of the server’s time (partner’s clock?).',
  'Corps trop volumineux ({} Kio au plus).': 'Body too large ({} KiB at most).',
  'Trop de requêtes pour ce partenaire : réessayez dans {} s.': 'Too many requests for this partner: try again in {} s.',
  'Trop de signalements pour ce partenaire : réessayez dans {} s.': 'Too many reports for this partner: try again in {} s.',
  'Cet external_id a déjà été reçu avec un contenu différent.': 'This external_id was already received with different content.',
  'Déjà reçu avec un autre contenu : modifiez ce membre à la mairie, ou envoyez un nouvel external_id.': 'Already received with other content: change this member at the town hall, or send a new external_id.',
  'Déjà reçu avec un autre contenu : un nouveau signalement demande un nouvel external_id.': 'Already received with other content: a new report needs a new external_id.',
  'Déjà reçu avec un autre contenu.': 'Already received with other content.',
  'Auteur inconnu : ce membre n’est pas inscrit dans Vigie.': 'Unknown author: this member is not registered in Vigie.',
  'Ce membre ne peut pas publier.': 'This member cannot post.',
  'Membre non autorisé à publier.': 'Member not allowed to post.',
  'Publication inconnue pour ce partenaire.': 'Unknown post for this partner.',
  'Signalement refusé : membre inconnu ou exclu.': 'Report refused: unknown or excluded member.',
  'Membre inconnu ou exclu.': 'Unknown or excluded member.',
};

const escape = (text: string) => text.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{\\?\}/g, '{}');

/** Entries with run-time parts, as patterns: the French text with each `{}` capturing its part. */
const PATTERNS = Object.entries(ENGLISH_MESSAGES)
  .filter(([french]) => french.includes('{}'))
  .map(([french, english]) => ({ pattern: new RegExp(`^${escape(french).split('{}').join('(.+?)')}$`, 's'), english }));

/** The English of a French message from the catalogue; the message itself when it has none. */
export function toEnglish(message: string): string {
  const exact = ENGLISH_MESSAGES[message];
  if (exact !== undefined) return exact;
  for (const { pattern, english } of PATTERNS) {
    const parts = pattern.exec(message);
    if (parts) {
      let i = 1;
      return english.replace(/\{\}/g, () => parts[i++] ?? '');
    }
  }
  return message;
}
