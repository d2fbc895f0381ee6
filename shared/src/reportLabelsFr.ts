import type { ReportCategory, ReportPriority, ReportSource, ReportStatus } from './reports.ts';

/**
 * French labels for documents the server writes (CSV exports, the monthly PDF), worded as the
 * dashboard's `i18n/fr.ts` words them: a spreadsheet and the screen must say the same thing.
 */
export const CATEGORY_LABELS_FR: Record<ReportCategory, string> = {
  burglary: 'Cambriolage',
  burglary_attempt: 'Tentative de cambriolage',
  abusive_canvassing: 'Démarchage abusif',
  suspicious_vehicle: 'Véhicule suspect',
  suspicious_person: 'Personne suspecte',
  vandalism: 'Vandalisme',
  road_hazard: 'Danger sur la voirie / route barrée',
  other: 'Autre',
};

export const STATUS_LABELS_FR: Record<ReportStatus, string> = {
  new: 'Nouveau',
  acknowledged: 'Pris en compte',
  in_progress: 'Patrouille envoyée',
  resolved: 'Résolu',
  dismissed: 'Classé',
  forwarded: 'Transmis à la Police nationale',
};

export const PRIORITY_LABELS_FR: Record<ReportPriority, string> = { low: 'Basse', normal: 'Normale', high: 'Haute', urgent: 'Urgente' };

export const SOURCE_LABELS_FR: Record<ReportSource, string> = {
  platform: 'Plateforme des voisins',
  phone: 'Téléphone',
  officer: 'Saisi par un agent',
};
