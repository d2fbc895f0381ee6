import type { ReportCategory, ReportPriority, ReportStatus } from '@vigie/shared';
import type { Random } from './random.ts';
import { DAY, HOUR, MINUTE } from './time.ts';

/** One triage step after the report's creation (the `created` event is the caller's). */
export interface TimelineEvent {
  action: 'status' | 'assigned';
  at: Date;
  staff_id: number;
  from_value: string | null;
  to_value: string;
  note: string | null;
}

export interface Timeline {
  status: ReportStatus;
  assigned_to: number | null;
  events: TimelineEvent[];
}

export interface TimelineInput {
  category: ReportCategory;
  priority: ReportPriority;
  received_at: Date;
  now: Date;
  /** The officer on it: the author of an officer's report, else drawn by the caller. */
  officer: number;
  supervisor: number;
  /** The newest reports stay `new`, so that the live map always has fresh alerts. */
  forceNew?: boolean;
  /** Outside the commune: once triaged, handed over to the town concerned. */
  outOfArea?: boolean;
}

type Weights = ReadonlyArray<readonly [ReportStatus, number]>;

/** Status mix by age: what is still open is recent; after two days almost everything is closed. */
function statusWeights(ageHours: number): Weights {
  if (ageHours < 0.25) return [['new', 1]];
  if (ageHours < 2) return [['new', 45], ['acknowledged', 30], ['in_progress', 25]];
  if (ageHours < 24) return [['new', 20], ['acknowledged', 25], ['in_progress', 30], ['resolved', 15], ['dismissed', 6], ['forwarded', 4]];
  if (ageHours < 48) return [['acknowledged', 8], ['in_progress', 17], ['resolved', 45], ['dismissed', 18], ['forwarded', 12]];
  return [['acknowledged', 1], ['in_progress', 2], ['resolved', 62], ['dismissed', 22], ['forwarded', 13]];
}

/** Burglaries go to the Police nationale, road hazards to the technical services. */
const CATEGORY_BIAS: Partial<Record<ReportCategory, Partial<Record<ReportStatus, number>>>> = {
  burglary: { forwarded: 4, dismissed: 0.3 },
  burglary_attempt: { forwarded: 2, dismissed: 0.5 },
  road_hazard: { forwarded: 4 },
  abusive_canvassing: { dismissed: 1.5 },
};

const DISMISS_REASONS: Partial<Record<ReportCategory, readonly string[]>> = {
  suspicious_vehicle: ['Véhicule d’un résident, propriétaire identifié.', 'Véhicule d’une entreprise de travaux intervenant dans le quartier.'],
  suspicious_person: ['Personne identifiée : facteur remplaçant en tournée.', 'Agent de la Ville en tournée de relevés.'],
  abusive_canvassing: ['Démarcheurs contrôlés : carte professionnelle en règle.', 'Agents recenseurs de l’Insee, mandatés par la mairie.'],
  road_hazard: ['Déjà signalé aux services techniques, intervention programmée.'],
  other: ['Relève d’un litige de voisinage : orienté vers le conciliateur de justice.'],
};
const GENERIC_DISMISS_REASONS = [
  'Doublon d’un signalement déjà traité.',
  'Levée de doute négative sur place.',
  'Aucun élément constaté lors du passage de la patrouille.',
  'Signalement trop ancien, plus rien sur place.',
];

const FORWARD_NOTES: Partial<Record<ReportCategory, readonly string[]>> = {
  burglary: ['Transmis au commissariat de Police nationale d’Antony.', 'Transmis à l’OPJ de permanence, victime orientée pour le dépôt de plainte.'],
  burglary_attempt: ['Transmis au commissariat de Police nationale d’Antony.'],
  road_hazard: ['Transmis aux services techniques de la Ville.', 'Voirie départementale : transmis au Département.', 'Transmis à Enedis.'],
  vandalism: ['Transmis aux services techniques pour nettoyage.', 'Transmis à la Police nationale.'],
  abusive_canvassing: ['Transmis à la Police nationale, message de prévention proposé au réseau.'],
};
const GENERIC_FORWARD_NOTES = ['Transmis à la Police nationale pour suite à donner.', 'Transmis au service concerné de la mairie.'];

const RESOLVE_NOTES: Partial<Record<ReportCategory, readonly string[]>> = {
  suspicious_vehicle: ['Véhicule contrôlé, occupants identifiés.', 'Véhicule parti à l’arrivée de la patrouille.', 'Véhicule verbalisé et mis en fourrière.'],
  suspicious_person: ['Individus contrôlés, rien à signaler.', 'Personne partie à l’arrivée de la patrouille, rondes renforcées.'],
  road_hazard: ['Zone balisée par la patrouille, services techniques prévenus.', 'Danger supprimé par les services techniques.'],
  abusive_canvassing: ['Démarcheurs contrôlés et invités à quitter la commune.'],
  burglary: ['Constatations faites, victime orientée vers le commissariat pour la plainte.'],
};
const GENERIC_RESOLVE_NOTES = ['Passage de la patrouille, rien à signaler.', 'Contact pris avec le déclarant, conseils de prévention donnés.', 'Rondes renforcées dans le secteur cette semaine.'];

const OUT_OF_AREA_NOTES = ['Hors commune : transmis à la police municipale compétente.', 'Hors commune : transmis au commissariat du secteur.'];
const ACK_NOTES = ['Patrouille prévenue.', 'Pris en compte, passage prévu dans la journée.', 'Équipage engagé.'];
const START_NOTES = ['Équipage sur place.', 'Patrouille en route.'];

/** Minutes from the previous step, by priority: urgent alerts are picked up within minutes. */
const ACK_DELAY: Record<ReportPriority, readonly [number, number]> = { urgent: [1, 4], high: [3, 20], normal: [5, 90], low: [30, 600] };

export function planTimeline(random: Random, input: TimelineInput): Timeline {
  const status = input.forceNew ? 'new' : chooseStatus(random, input);
  const { officer, supervisor, category } = input;
  const steps: Array<Omit<TimelineEvent, 'at'> & { delay: number }> = [];
  let current: ReportStatus = 'new';
  const move = (to: ReportStatus, delay: number, staff: number, note: string | null) => {
    steps.push({ action: 'status', staff_id: staff, from_value: current, to_value: to, note, delay });
    current = to;
  };
  const minutes = (min: number, max: number) => random.float(min, max) * MINUTE;
  const acknowledge = () => {
    const [min, max] = ACK_DELAY[input.priority];
    move('acknowledged', minutes(min, max), random.chance(0.3) ? supervisor : officer, random.chance(0.2) ? random.pick(ACK_NOTES) : null);
  };
  const assign = () => {
    const by = random.chance(0.5) ? supervisor : officer;
    steps.push({ action: 'assigned', staff_id: by, from_value: null, to_value: String(officer), note: null, delay: minutes(1, 15) });
  };
  const start = () => move('in_progress', minutes(2, 30), officer, random.chance(0.25) ? random.pick(START_NOTES) : null);

  switch (status) {
    case 'new':
      break;
    case 'acknowledged':
      acknowledge();
      break;
    case 'in_progress':
      if (random.chance(0.8)) acknowledge();
      assign();
      start();
      break;
    case 'resolved': {
      acknowledge();
      assign();
      const started = random.chance(0.75);
      if (started) start();
      const note = random.chance(0.6) ? random.pick([...(RESOLVE_NOTES[category] ?? []), ...GENERIC_RESOLVE_NOTES]) : null;
      move('resolved', started ? minutes(15, 180) : minutes(30, 24 * 60), officer, note);
      break;
    }
    case 'dismissed':
      if (random.chance(0.6)) acknowledge();
      move('dismissed', minutes(10, 48 * 60), random.chance(0.4) ? supervisor : officer, random.pick([...(DISMISS_REASONS[category] ?? []), ...GENERIC_DISMISS_REASONS]));
      break;
    case 'forwarded':
      acknowledge();
      move('forwarded', minutes(15, 600), random.chance(0.4) ? supervisor : officer, random.pick(input.outOfArea ? OUT_OF_AREA_NOTES : (FORWARD_NOTES[category] ?? GENERIC_FORWARD_NOTES)));
      break;
  }

  // Squeeze the steps into part of the time elapsed since reception (not all of it, or every
  // squeezed report would end a minute before `now`), keeping them strictly increasing.
  const start_ms = input.received_at.getTime();
  const available = (input.now.getTime() - start_ms - MINUTE) * random.float(0.3, 0.95);
  const total = steps.reduce((sum, step) => sum + step.delay, 0);
  const scale = total > available ? available / total : 1;
  let at = start_ms;
  const events = steps.map(({ delay, ...step }) => {
    at = Math.max(at + 1000, at + Math.round(delay * scale));
    if (at > input.now.getTime()) throw new Error('A seeded report event would lie in the future');
    return { ...step, at: new Date(at) };
  });
  const assigned = status === 'in_progress' || status === 'resolved';
  return { status, assigned_to: assigned ? officer : null, events };
}

function chooseStatus(random: Random, input: TimelineInput): ReportStatus {
  const ageHours = (input.now.getTime() - input.received_at.getTime()) / HOUR;
  const bias = CATEGORY_BIAS[input.category] ?? {};
  const status = random.weighted(statusWeights(ageHours).map(([s, w]) => [s, w * (bias[s] ?? 1)] as const));
  if (input.outOfArea && (status === 'resolved' || status === 'in_progress' || (status === 'acknowledged' && ageHours > 2))) return 'forwarded';
  // An urgent alert is never left untouched past a quarter of an hour.
  if (status === 'new' && input.priority === 'urgent' && ageHours >= 0.25) return 'in_progress';
  // Do not let a report older than a week still wait for acknowledgement.
  if (status === 'acknowledged' && ageHours > 7 * (DAY / HOUR)) return 'resolved';
  return status;
}
