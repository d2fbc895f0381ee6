import { auditSentence, type AuditAction, type AuditEntry, type AuditEventResource } from './audit.ts';

/**
 * The audit log's French words, in one place for both the dashboard (`admin/src/i18n/fr.ts`
 * spreads them into `vigie.audit_actions` and `vigie.audit`) and the server's CSV export: the
 * spreadsheet says exactly what the screen says.
 */
export const AUDIT_ACTION_LABELS_FR: Record<AuditAction, string> = {
  sign_in: 'Connexion',
  sign_in_failed: 'Échec de connexion',
  sign_out: 'Déconnexion',
  create: 'Création',
  update: 'Modification',
  delete: 'Suppression',
  rotate_secret: 'Renouvellement du secret d’un partenaire',
  read_personal_data: 'Consultation de données personnelles',
  approve: 'Approbation',
  reject: 'Refus',
  suspend: 'Suspension',
  reinstate: 'Réintégration',
  ban: 'Exclusion',
  erase: 'Effacement (RGPD)',
  export: 'Export',
  import: 'Import',
  purge: 'Purge automatique',
  reopen: 'Réouverture',
  link: 'Rattachement',
  unlink: 'Détachement',
  request_proof: 'Demande de justificatif',
  hide: 'Masquage',
  send: 'Envoi',
  cancel: 'Annulation',
  test: 'Essai',
  retry_failed: 'Relance des envois en échec',
  change_role: 'Changement de rôle',
  reset_password: 'Réinitialisation du mot de passe',
};

/** Resources whose records are named otherwise: the author themself, no record, a month, a partner's own id. */
type Unnumbered = 'auth' | 'account' | 'audit_log' | 'stats' | 'partners';

export const AUDIT_WORDS_FR = {
  sentence: '%{what} : %{target}',
  number: 'n° %{id}',
  // A record without a name to show (a resident's, or a deleted one): its kind and number.
  targets: {
    reports: 'signalement n° %{id}',
    response_templates: 'modèle de réponse n° %{id}',
    neighbourhoods: 'secteur n° %{id}',
    members: 'voisin n° %{id}',
    relatives: 'proche n° %{id}',
    outbox_messages: 'message n° %{id}',
    posts: 'annonce n° %{id}',
    banned_words: 'mot signalé n° %{id}',
    broadcasts: 'diffusion n° %{id}',
    broadcast_templates: 'modèle de diffusion n° %{id}',
    deliveries: 'envoi n° %{id}',
    staff: 'agent n° %{id}',
  } satisfies Record<Exclude<AuditEventResource, Unnumbered>, string>,
  resources: {
    auth: 'Connexions',
    account: 'Mon compte',
    reports: 'Signalements',
    report_events: 'Historique des signalements',
    response_templates: 'Modèles de réponse',
    neighbourhoods: 'Secteurs',
    members: 'Voisins vigilants',
    relatives: 'Proches',
    outbox_messages: 'Messages envoyés',
    posts: 'Annonces',
    banned_words: 'Mots signalés',
    broadcasts: 'Diffusions',
    broadcast_templates: 'Modèles de diffusion',
    deliveries: 'Envois',
    staff: 'Comptes agents',
    partners: 'Partenaires',
    audit_log: 'Journal d’audit',
    stats: 'Statistiques',
  },
  events: {
    auth: {
      sign_in: 'Connexion',
      sign_in_failed: 'Échec de connexion',
      sign_out: 'Déconnexion',
    },
    account: {
      update: 'Mot de passe changé dans « Mon compte »',
      sign_in_failed: 'Mot de passe actuel erroné dans « Mon compte »',
      sign_out: 'Autre session fermée dans « Mon compte »',
    },
    reports: {
      create: 'Signalement créé',
      update: 'Signalement modifié',
      reopen: 'Signalement rouvert',
      link: 'Signalements rattachés en un incident',
      unlink: 'Signalement détaché de son incident',
      read_personal_data: 'Coordonnées du déclarant consultées',
      export: 'Export CSV des signalements',
    },
    response_templates: {
      create: 'Modèle de réponse créé',
      update: 'Modèle de réponse modifié',
    },
    neighbourhoods: {
      create: 'Secteur créé',
      update: 'Secteur modifié',
      delete: 'Secteur supprimé',
    },
    members: {
      create: 'Voisin inscrit au guichet',
      update: 'Fiche de voisin modifiée',
      read_personal_data: 'Fiche de voisin consultée',
      request_proof: 'Justificatif de domicile demandé',
      approve: 'Inscription acceptée',
      reject: 'Inscription refusée',
      suspend: 'Voisin suspendu',
      reinstate: 'Voisin rétabli',
      ban: 'Voisin exclu',
      erase: 'Données du voisin effacées (RGPD)',
      export: 'Export de données de voisins',
      import: 'Import CSV de voisins',
      purge: 'Inscription supprimée à l’échéance de conservation',
    },
    relatives: {
      create: 'Proche ajouté',
      update: 'Proche modifié',
      read_personal_data: 'Proches consultés',
    },
    outbox_messages: {
      read_personal_data: 'Messages envoyés consultés',
    },
    posts: {
      approve: 'Annonce approuvée',
      hide: 'Annonce masquée',
      delete: 'Annonce supprimée',
    },
    banned_words: {
      create: 'Mot signalé ajouté',
      update: 'Mot signalé modifié',
      delete: 'Mot signalé supprimé',
    },
    broadcasts: {
      create: 'Diffusion créée',
      update: 'Diffusion modifiée',
      send: 'Envoi de la diffusion demandé',
      approve: 'Diffusion approuvée',
      cancel: 'Diffusion annulée',
      test: 'Essai de la diffusion envoyé à son auteur',
      retry_failed: 'Envois en échec relancés',
    },
    broadcast_templates: {
      create: 'Modèle de diffusion créé',
      update: 'Modèle de diffusion modifié',
    },
    deliveries: {
      read_personal_data: 'Journal d’envoi consulté',
      export: 'Export des envois en échec',
    },
    staff: {
      create: 'Compte créé',
      update: 'Compte modifié',
      change_role: 'Rôle du compte changé',
      reset_password: 'Mot de passe du compte réinitialisé',
      suspend: 'Compte désactivé',
      reinstate: 'Compte réactivé',
    },
    partners: {
      create: 'Partenaire créé',
      update: 'Partenaire modifié',
      suspend: 'Partenaire désactivé',
      reinstate: 'Partenaire réactivé',
      rotate_secret: 'Secret du partenaire renouvelé',
    },
    audit_log: {
      export: 'Export CSV du journal d’audit',
    },
    stats: {
      export: 'Bilan mensuel téléchargé',
    },
  },
};

const CATALOGUE = { vigie: { audit_actions: AUDIT_ACTION_LABELS_FR, audit: AUDIT_WORDS_FR } };

/** A polyglot-like lookup over the catalogue above: dotted keys, `%{name}` placeholders, `_` as the fallback. */
function translateFr(key: string, options: Record<string, unknown> = {}) {
  const found = key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], CATALOGUE);
  const text = typeof found === 'string' ? found : String(options._ ?? key);
  return text.replace(/%\{(\w+)\}/g, (whole, name: string) => (name in options ? String(options[name]) : whole));
}

/** The sentence the dashboard shows in French, for documents the server writes. */
export const auditSentenceFr = (entry: Pick<AuditEntry, 'action' | 'resource' | 'record_id' | 'target_name'>) => auditSentence(translateFr, entry);

/** The resource in French words (« Comptes agents »), or its code when this build does not know it. */
export const auditResourceFr = (resource: string) => translateFr(`vigie.audit.resources.${resource}`, { _: resource });
