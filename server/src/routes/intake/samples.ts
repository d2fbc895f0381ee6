import type { GeoJSON, ReportCategory } from '@vigie/shared';

/**
 * Realistic intake payloads (French text, points inside the commune) for `pnpm simulate` and the
 * benchmark. Plain data and a random source passed in: no server, no database.
 */
export type Random = () => number;

const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

const VEHICLES = ['une camionnette blanche', 'une berline grise', 'un fourgon sans inscription', 'une petite citadine rouge', 'un utilitaire bleu', 'un scooter noir'];
const PEOPLE = ['Un homme', 'Une femme', 'Deux hommes', 'Un jeune homme', 'Deux personnes', 'Un individu'];
const CLOTHES = ['un sweat à capuche gris', 'une veste de chantier orange', 'un blouson noir', 'un survêtement bleu', 'un gilet fluo'];
const WHEN = ['depuis une heure', 'depuis ce matin', 'depuis vingt minutes', 'à plusieurs reprises cet après-midi', 'cette nuit vers 2 h'];
const PLACES = ['devant le n° 12', 'au coin de la rue', 'près de l’école', 'sur le parking de la résidence', 'devant la boulangerie', 'le long du parc'];
const COMPANIES = ['une société d’isolation à 1 €', 'un faux technicien de la fibre', 'un vendeur de calendriers', 'une entreprise d’élagage', 'un « agent des eaux »'];

const TEMPLATES: Record<ReportCategory, ReadonlyArray<(r: Random) => string>> = {
  burglary: [
    (r) => `Porte d’entrée fracturée chez un voisin absent ${pick(r, PLACES)}, la maison a été fouillée.`,
    (r) => `Cambriolage constaté ce matin ${pick(r, PLACES)} : fenêtre forcée côté jardin, bijoux et ordinateur volés.`,
    (r) => `Cave de l’immeuble ${pick(r, PLACES)} visitée, cadenas coupés sur trois box.`,
  ],
  burglary_attempt: [
    (r) => `Traces de pied-de-biche sur la porte du garage ${pick(r, PLACES)}, la serrure a tenu.`,
    (r) => `${pick(r, PEOPLE)} a tenté d’ouvrir la porte-fenêtre d’un pavillon ${pick(r, PLACES)}, l’alarme l’a fait fuir.`,
    (r) => `Volet roulant soulevé et vitre fêlée ${pick(r, PLACES)}, personne n’est entré.`,
  ],
  abusive_canvassing: [
    (r) => `Démarchage insistant par ${pick(r, COMPANIES)} ${pick(r, PLACES)}, ils veulent entrer chez des personnes âgées.`,
    (r) => `${pick(r, PEOPLE)} se présente comme ${pick(r, COMPANIES)} et réclame un paiement immédiat ${pick(r, PLACES)}.`,
    (r) => `Porte-à-porte ${pick(r, WHEN)} par ${pick(r, COMPANIES)}, très insistants, refusent de partir.`,
  ],
  suspicious_vehicle: [
    (r) => `${capitalise(pick(r, VEHICLES))} tourne dans le quartier ${pick(r, WHEN)}, ralentit devant chaque maison.`,
    (r) => `${capitalise(pick(r, VEHICLES))} stationnée ${pick(r, PLACES)} ${pick(r, WHEN)}, deux occupants observent les entrées.`,
    (r) => `${capitalise(pick(r, VEHICLES))} sans plaque arrière garée ${pick(r, PLACES)}, moteur allumé.`,
  ],
  suspicious_person: [
    (r) => `${pick(r, PEOPLE)} en ${pick(r, CLOTHES)} regarde par-dessus les portails ${pick(r, PLACES)}.`,
    (r) => `${pick(r, PEOPLE)} sonne à tous les interphones ${pick(r, PLACES)} sans se présenter.`,
    (r) => `${pick(r, PEOPLE)} en ${pick(r, CLOTHES)} prend des photos des boîtes aux lettres ${pick(r, PLACES)}.`,
  ],
  vandalism: [
    (r) => `Tags sur la façade et la porte du local vélos ${pick(r, PLACES)}.`,
    (r) => `Rétroviseurs arrachés sur plusieurs voitures ${pick(r, PLACES)} ${pick(r, WHEN)}.`,
    (r) => `Abribus vandalisé ${pick(r, PLACES)}, vitre brisée, éclats de verre sur le trottoir.`,
  ],
  road_hazard: [
    (r) => `Route barrée par des barrières de chantier renversées ${pick(r, PLACES)}, les voitures montent sur le trottoir.`,
    (r) => `Branche tombée en travers de la chaussée ${pick(r, PLACES)} après le coup de vent.`,
    (r) => `Plaque d’égout descellée ${pick(r, PLACES)}, dangereux pour les deux-roues.`,
  ],
  other: [
    (r) => `Chien errant sans collier ${pick(r, PLACES)} ${pick(r, WHEN)}, il semble perdu.`,
    (r) => `Lampadaires éteints ${pick(r, PLACES)}, la rue est plongée dans le noir.`,
    (r) => `Dépôt sauvage d’encombrants ${pick(r, PLACES)}, ça bloque le passage des poussettes.`,
  ],
};

const CATEGORY_WEIGHTS: ReadonlyArray<readonly [ReportCategory, number]> = [
  ['suspicious_vehicle', 24], ['suspicious_person', 22], ['abusive_canvassing', 11], ['burglary_attempt', 10],
  ['vandalism', 10], ['road_hazard', 9], ['burglary', 8], ['other', 6],
];

function capitalise(text: string) {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function weighted(random: Random): ReportCategory {
  const total = CATEGORY_WEIGHTS.reduce((sum, [, w]) => sum + w, 0);
  let roll = random() * total;
  for (const [category, weight] of CATEGORY_WEIGHTS) {
    roll -= weight;
    if (roll < 0) return category;
  }
  return 'other';
}

/** Even-odd ray casting on a [lng, lat] ring. */
function inside([x, y]: GeoJSON.Position, ring: GeoJSON.Position[]) {
  let result = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i] as [number, number];
    const [xj, yj] = ring[j] as [number, number];
    if (yi > y! !== yj > y! && x! < ((xj - xi) * (y! - yi)) / (yj - yi) + xi) result = !result;
  }
  return result;
}

/** A point drawn uniformly inside the ring (rejection sampling in its bounding box), 7 decimals like a GPS fix. */
export function pointInCommune(random: Random, ring: GeoJSON.Position[]): { lat: number; lng: number } {
  const lngs = ring.map((p) => p[0]!);
  const lats = ring.map((p) => p[1]!);
  const [minLng, maxLng, minLat, maxLat] = [Math.min(...lngs), Math.max(...lngs), Math.min(...lats), Math.max(...lats)];
  for (let i = 0; i < 10_000; i++) {
    const lng = Math.round((minLng + random() * (maxLng - minLng)) * 1e7) / 1e7;
    const lat = Math.round((minLat + random() * (maxLat - minLat)) * 1e7) / 1e7;
    if (inside([lng, lat], ring)) return { lat, lng };
  }
  throw new Error('No point found inside the commune boundary');
}

const FIRST_NAMES = ['Jeanne', 'Martine', 'Paul', 'Nadia', 'Karim', 'Sophie', 'Henri', 'Chloé', 'Thomas', 'Fatou'];
const LAST_NAMES = ['Martin', 'Bernard', 'Dubois', 'Lefèvre', 'Moreau', 'Garcia', 'Roux', 'Fournier', 'Diallo', 'Nguyen'];

/**
 * One alert as the residents' platform would send it. `members` is how many demo members
 * (`vvs-m-0001`…) the reporter may be; `externalId` must be unique per partner.
 */
export function samplePayload(random: Random, ring: GeoJSON.Position[], externalId: string, options: { members?: number; now?: number } = {}) {
  const category = weighted(random);
  const now = options.now ?? Date.now();
  const members = options.members ?? 150;
  const member = members > 0 && random() < 0.8 ? `vvs-m-${String(1 + Math.floor(random() * members)).padStart(4, '0')}` : null;
  return {
    external_id: externalId,
    category,
    description: pick(random, TEMPLATES[category])(random),
    ...pointInCommune(random, ring),
    occurred_at: new Date(now - Math.floor(random() * 90) * 60_000).toISOString(),
    reporter: {
      ...(member ? { member_external_id: member } : {}),
      name: `${pick(random, FIRST_NAMES)} ${pick(random, LAST_NAMES)}`,
      // ARCEP's range reserved for fiction (06 39 98 xx xx): a simulated report never names a real phone.
      phone: `+33 6 39 98 ${String(Math.floor(random() * 100)).padStart(2, '0')} ${String(Math.floor(random() * 100)).padStart(2, '0')}`,
    },
    ...(random() < 0.15 ? { photos: [`https://photos.voisins-vigilants.example/${externalId}/1.jpg`] } : {}),
  };
}
