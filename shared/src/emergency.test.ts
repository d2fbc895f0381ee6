import { describe, expect, it } from 'vitest';
import { emergencyTerms, isEmergency } from './emergency.ts';

describe('the emergency gate', () => {
  it.each([
    'Cambriolage en cours au 12 rue Ravon',
    'Un homme ARMÉ rôde devant l’école',
    'Ma voisine a été agressée',
    'Il y a un blessé sur le trottoir',
    'Départ de feu dans la cave',
    'Au secours, ils sont dans la maison !',
    'Individu avec un couteau',
  ])('flags « %s »', (text) => {
    expect(isEmergency(text)).toBe(true);
  });

  it.each([
    'Véhicule suspect stationné depuis hier',
    'Démarchage abusif pour des travaux de toiture',
    'Feuilles mortes qui bouchent la chaussée',
    'Armoire abandonnée sur le trottoir',
    'Tiroir de la boîte aux lettres forcé la semaine dernière',
    'Feu rouge en panne au carrefour',
    'Il frappe aux portes pour vendre des calendriers',
    'Véhicule actuellement stationné devant le 4',
  ])('leaves « %s » alone', (text) => {
    expect(isEmergency(text)).toBe(false);
  });

  it('names the words it found, folded', () => {
    expect(emergencyTerms('Agression EN COURS, un blessé')).toEqual(['en cours', 'agression', 'blesse']);
  });

  it('answers yes exactly when it can name a word', () => {
    const texts = ['Agression EN COURS, un blessé', 'feu', 'au feu', 'en feu!', 'arme-blanche', 'tirs', 'tiroir', 'sang-froid', 'blessées', 'a l\'aide', ''];
    for (const text of texts) expect(isEmergency(text), text).toBe(emergencyTerms(text).length > 0);
  });
});
