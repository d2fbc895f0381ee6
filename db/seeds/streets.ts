/**
 * Bourg-la-Reine streets used for demo addresses, each with the demo sectors it runs through
 * (see sectors.ts). Hand-picked and approximate: good enough for a map that looks local.
 */
export interface Street {
  name: string;
  sectors: readonly string[];
  /** Highest house number used for this street. */
  maxNumber: number;
}

export const STREETS: readonly Street[] = [
  { name: 'avenue du Général-Leclerc', sectors: ['Hôpital', 'Centre-ville', 'Condorcet', 'Faïencerie'], maxNumber: 160 },
  { name: 'boulevard Carnot', sectors: ['Centre-ville', 'Gare'], maxNumber: 60 },
  { name: 'boulevard du Maréchal-Joffre', sectors: ['Gare', 'Joffre'], maxNumber: 120 },
  { name: 'avenue de Montrouge', sectors: ['Bas-Coquarts'], maxNumber: 80 },
  { name: 'rue de Fontenay', sectors: ['Bas-Coquarts'], maxNumber: 40 },
  { name: 'rue des Bas-Coquarts', sectors: ['Bas-Coquarts'], maxNumber: 30 },
  { name: 'rue Jean-Roger-Thorelle', sectors: ['Bas-Coquarts', 'Gare'], maxNumber: 30 },
  { name: 'place de la Gare', sectors: ['Gare'], maxNumber: 12 },
  { name: 'rue René-Roeckel', sectors: ['Centre-ville'], maxNumber: 30 },
  { name: 'rue Ravon', sectors: ['Centre-ville', 'Condorcet'], maxNumber: 40 },
  { name: 'rue André-Theuriet', sectors: ['Hôpital'], maxNumber: 45 },
  { name: 'rue de l’Hôpital', sectors: ['Hôpital'], maxNumber: 30 },
  { name: 'avenue de la Bièvre', sectors: ['Hôpital', 'Centre-ville'], maxNumber: 40 },
  { name: 'rue de la Bièvre', sectors: ['Condorcet', 'Centre-ville'], maxNumber: 50 },
  { name: 'place Condorcet', sectors: ['Condorcet'], maxNumber: 12 },
  { name: 'villa Jeanne', sectors: ['Condorcet'], maxNumber: 12 },
  { name: 'avenue Victor-Hugo', sectors: ['Les Blagis'], maxNumber: 60 },
  { name: 'avenue du Lycée-Lakanal', sectors: ['Les Blagis'], maxNumber: 20 },
  { name: 'avenue du Colonel-Candelot', sectors: ['Les Blagis'], maxNumber: 30 },
  { name: 'rue des Blagis', sectors: ['Les Blagis', 'Joffre'], maxNumber: 40 },
  { name: 'avenue du Petit-Chambord', sectors: ['Joffre'], maxNumber: 30 },
  { name: 'allée Françoise-Dolto', sectors: ['Joffre'], maxNumber: 10 },
  { name: 'rue de la Faïencerie', sectors: ['Faïencerie'], maxNumber: 30 },
  { name: 'avenue Galois', sectors: ['Faïencerie'], maxNumber: 30 },
];

export const streetsOfSector = (sector: string | null): readonly Street[] => {
  const matching = sector ? STREETS.filter((street) => street.sectors.includes(sector)) : [];
  return matching.length > 0 ? matching : STREETS;
};

/**
 * Streets just across the boundary, by compass direction from the commune's centre, for the
 * few reports that land outside the area (a resident reporting what they saw in Sceaux).
 */
export const NEIGHBOURING_STREETS: ReadonlyArray<{ bearing: [number, number]; address: string }> = [
  // bearings in degrees clockwise from north, [from, to)
  { bearing: [315, 360], address: 'avenue Henri-Ravera, 92220 Bagneux' },
  { bearing: [0, 60], address: 'avenue Aristide-Briand, 94230 Cachan' },
  { bearing: [60, 150], address: 'rue Jean-Jaurès, 94240 L’Haÿ-les-Roses' },
  { bearing: [150, 210], address: 'avenue Aristide-Briand, 92160 Antony' },
  { bearing: [210, 315], address: 'rue Houdan, 92330 Sceaux' },
];

export function neighbouringAddress(bearingDegrees: number): string {
  const normalized = ((bearingDegrees % 360) + 360) % 360;
  const match = NEIGHBOURING_STREETS.find(({ bearing: [from, to] }) => normalized >= from && normalized < to);
  return (match ?? NEIGHBOURING_STREETS[0])?.address ?? '';
}
