/**
 * The emergency gate: words in a report that suggest a danger in progress. Such a report is raised
 * to `urgent` and the dashboard shows « Urgence : appeler le 17 ». Matching ignores case and accents
 * so that « blesse », « BLESSÉ » and « blessée » all count; whole words only, so « feuille » is not
 * « feu ».
 */
const TERMS = [
  'en cours',
  'en ce moment',
  'arme',
  'armes',
  'arme a feu',
  'arme blanche',
  'couteau',
  'pistolet',
  'fusil',
  'coup de feu',
  'coups de feu',
  'tir',
  'tirs',
  'agression',
  'agresse',
  'agressee',
  'agresseur',
  'blesse',
  'blessee',
  'blesses',
  'blessure',
  'sang',
  'incendie',
  'au feu',
  'depart de feu',
  'en feu',
  'prend feu',
  'bagarre',
  'se battent',
  'au secours',
  'a l aide',
  'violence',
  'violences',
  'menace',
  'menaces',
  'sequestre',
  'otage',
  'enleve',
  'enlevement',
  'intrus dans',
  'ils sont dans',
  'il est dans la maison',
  'cambrioleurs dans',
];

const fold = (text: string) =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

const PATTERNS = [...new Set(TERMS.map(fold))].map((term) => ({ term, re: new RegExp(`(^| )${term.replace(/ /g, ' ')}( |$)`) }));

/** The emergency terms found in a text (folded form), empty when none. */
export function emergencyTerms(text: string): string[] {
  const folded = ` ${fold(text)} `;
  return PATTERNS.filter(({ re }) => re.test(folded)).map(({ term }) => term);
}

// Every term at once: the intake asks this of each alert and only needs a yes or no.
const ANY = new RegExp(`(^| )(${PATTERNS.map(({ term }) => term).join('|')})( |$)`);

export const isEmergency = (text: string) => ANY.test(` ${fold(text)} `);
