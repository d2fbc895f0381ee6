import type { ReportCategory } from '@vigie/shared';
import type { Random } from './random.ts';

/**
 * French report descriptions: about ten templates per category, with variable parts. A template
 * marked `live` describes something happening right now («  en cours  ») and makes the report urgent.
 */
interface Template {
  text: string;
  live?: true;
}

const TEMPLATES: Record<ReportCategory, readonly Template[]> = {
  suspicious_vehicle: [
    { text: 'Véhicule inconnu du quartier : {vehicle} ({plate}) stationné {street} {duration}, toujours au même endroit.' },
    { text: '{Vehicle} ({plate}) qui tourne au ralenti {street} depuis une vingtaine de minutes, deux occupants regardent les maisons.' },
    { text: '{Van} sans inscription ({plate}) stationné moteur allumé {street} {time}, personne n’en descend.' },
    { text: 'Véhicule suspect {street} : {vehicle} ({plate}), le conducteur prend des photos des façades.' },
    { text: 'Plusieurs passages de {vehicle} ({plate}) {street}, vitres teintées, qui ralentit devant chaque garage.' },
    { text: '{Van} ({plate}) garé sur le trottoir {street}, les occupants relèvent les numéros des maisons.' },
    { text: 'Voiture stationnée {street} {duration} avec une vitre cassée, peut-être volée : {vehicle} ({plate}).' },
    { text: 'Scooter sans plaque qui fait des allers-retours {street} {time}, deux personnes casquées dessus.' },
    { text: '{Vehicle} ({plate}) à l’arrêt {street} {time}, phares éteints, deux personnes à l’intérieur qui surveillent l’entrée d’un immeuble.' },
    { text: '{Van} ({plate}) chargé de vélos et de matériel de jardin {street}, plusieurs personnes font des allers-retours vers les pavillons.' },
    { text: 'EN COURS : {vehicle} ({plate}) à l’arrêt {street}, deux individus essaient d’ouvrir les portières des voitures garées.', live: true },
  ],
  suspicious_person: [
    { text: '{Person} portant {clothing} regarde par-dessus les portails {street} et note quelque chose sur un carnet.' },
    { text: '{Persons} sonnent à tous les interphones {street} sans se présenter, puis repartent à pied {towards}.' },
    { text: '{Person} portant {clothing} prend des photos des maisons et des boîtes aux lettres {street}.' },
    { text: 'Marques à la craie sur plusieurs boîtes aux lettres {street} ; {person} portant {clothing} rôdait dans la rue peu avant.' },
    { text: '{Persons} essaient les poignées des portières des voitures garées {street} {time}.' },
    { text: '{Person} portant {clothing} entre dans les halls d’immeuble {street} en suivant les résidents.' },
    { text: '{Person} fait le tour des pavillons {street} en regardant dans les jardins, repart quand on l’interpelle.' },
    { text: '{Persons} assis sur un muret {street} depuis une heure, observent un pavillon dont les propriétaires sont en vacances.' },
    { text: '{Person} portant {clothing} rôde autour des vélos attachés {street}, une pince coupante à la main.' },
    { text: '{Person} se présente comme agent du gaz et demande à entrer chez une voisine âgée {street}.' },
    { text: 'En cours : {persons} escaladent le portail d’un pavillon {street}, l’un d’eux portant {clothing}.', live: true },
    { text: 'En cours : {person} portant {clothing} tente d’ouvrir la porte d’un voisin absent au {number} {street}.', live: true },
  ],
  burglary: [
    { text: 'Cambriolage constaté au retour du travail au {number} {street} : porte d’entrée fracturée, bijoux et ordinateur dérobés.' },
    { text: 'Fenêtre du rez-de-chaussée forcée au {number} {street}, la maison a été fouillée. Propriétaires en vacances, signalé par le voisin.' },
    { text: 'Cave fracturée dans l’immeuble du {number} {street}, deux vélos électriques volés.' },
    { text: 'Garage forcé {street} pendant la nuit, outillage et trottinette volés.' },
    { text: 'Appartement cambriolé au {number} {street}, serrure crochetée, pas d’effraction visible. Plainte en cours au commissariat.' },
    { text: 'Porte-fenêtre brisée à l’arrière du pavillon du {number} {street}, vol de bijoux et d’espèces.' },
    { text: 'Boîtes aux lettres de la résidence du {number} {street} forcées, colis dérobés dans le hall.' },
    { text: 'Cabanon de jardin fracturé {street}, tondeuse et vélo d’enfant volés.' },
    { text: 'Retour de week-end : domicile cambriolé au {number} {street}, volets forcés au pied-de-biche.' },
    { text: 'Commerce fracturé {street} cette nuit, vitrine brisée, caisse emportée.' },
    { text: 'CAMBRIOLAGE EN COURS au {number} {street} : bruit de vitre brisée et lampe torche à l’intérieur, les occupants sont absents. 17 appelé.', live: true },
    { text: 'Cambriolage en cours {street} : {persons} sortent du pavillon du {number} avec des sacs, fuite {towards}.', live: true },
  ],
  burglary_attempt: [
    { text: 'Tentative d’effraction au {number} {street} : traces de pied-de-biche sur la porte d’entrée, serrure endommagée.' },
    { text: 'Volet roulant forcé au {number} {street}, l’alarme s’est déclenchée et les individus ont pris la fuite.' },
    { text: 'Traces d’outil sur la porte de garage au {number} {street}, rien n’a été volé.' },
    { text: 'Serrure de la porte palière abîmée au {number} {street}, tentative probable dans la journée.' },
    { text: 'Un voisin a surpris {person} portant {clothing} en train d’escalader le portail du {number} {street} ; fuite à pied.' },
    { text: 'Fenêtre de cuisine fissurée et joint arraché au {number} {street}, tentative d’ouverture pendant la nuit.' },
    { text: 'Cylindre de serrure arraché sur la porte des caves, résidence du {number} {street}.' },
    { text: 'Alarme déclenchée {time} au {number} {street}, {persons} vus s’éloignant en courant {towards}.' },
    { text: 'Porte-fenêtre du jardin forcée au {number} {street}, les cambrioleurs ont été dérangés par le chien.' },
    { text: 'Tentative d’ouverture du local vélos au {number} {street}, cadenas scié à moitié.' },
    { text: 'Tentative d’effraction en cours au {number} {street} : {person} force la porte du garage, un voisin est au téléphone avec le 17.', live: true },
  ],
  abusive_canvassing: [
    { text: 'Démarchage insistant {street} par des personnes se présentant comme {company} ; elles refusent de montrer une carte professionnelle.' },
    { text: 'Démarcheurs {street} se présentant comme {company}, ils demandent à entrer pour « une vérification obligatoire ».' },
    { text: 'Porte-à-porte {street} de personnes se disant {company}, très insistantes auprès des personnes âgées.' },
    { text: 'Porte-à-porte {street} : deux personnes se présentant comme {company} ont demandé un paiement immédiat par chèque.' },
    { text: 'Une voisine âgée du {number} {street} a laissé entrer des démarcheurs se présentant comme {company} ; ils lui ont fait signer un bon de commande.' },
    { text: 'Démarcheurs très insistants {street} (se présentant comme {company}), c’est la deuxième fois cette semaine.' },
    { text: 'Démarchage suspect {street} : des personnes se présentant comme {company}, alors qu’aucun passage n’a été annoncé par la mairie.' },
    { text: 'Personnes se présentant comme {company} {street}, elles prennent en photo les interphones.' },
    { text: '{Person} portant {clothing} fait du porte-à-porte {street} et demande aux habitants à quelles heures ils sont absents.' },
    { text: 'Appel téléphonique puis visite à domicile {street} de personnes se présentant comme {company}, qui réclament un acompte en espèces.' },
  ],
  vandalism: [
    { text: 'Tags sur la façade de l’immeuble du {number} {street}, faits pendant la nuit.' },
    { text: 'Plusieurs rétroviseurs arrachés sur les voitures garées {street}.' },
    { text: 'Poubelles incendiées {street} {time}, pompiers passés, traces noires sur la façade.' },
    { text: 'Abribus vandalisé {street}, vitre brisée, éclats de verre sur le trottoir.' },
    { text: 'Pneus crevés sur trois voitures stationnées {street}.' },
    { text: 'Vitre de voiture brisée {street}, rien n’a été volé apparemment.' },
    { text: 'Boîte aux lettres arrachée et brûlée au {number} {street}.' },
    { text: 'Jardinières renversées et plantes arrachées {street}, plusieurs jeunes vus vers minuit.' },
    { text: 'Rayures sur la carrosserie de plusieurs véhicules {street}, probablement à la clé.' },
    { text: 'Panneau de signalisation tordu et banc dégradé {street}.' },
    { text: 'En cours : {persons} cassent les vitres des voitures garées {street}.', live: true },
  ],
  road_hazard: [
    { text: 'Nid-de-poule profond {street} à hauteur du {number}, dangereux pour les deux-roues.' },
    { text: 'Plaque d’égout descellée {street}, elle bouge au passage des voitures.' },
    { text: 'Feu tricolore en panne au carrefour {street} / {otherStreet}, circulation difficile.' },
    { text: 'Grosse branche tombée sur la chaussée {street} après le coup de vent.' },
    { text: 'Dépôt sauvage d’encombrants {street} : matelas et gravats sur le trottoir.' },
    { text: 'Traînée d’huile sur la chaussée {street}, un scooter a déjà glissé.' },
    { text: 'Barrières de chantier renversées au milieu de la voie {street}.' },
    { text: 'Éclairage public éteint sur toute une portion {street}, la rue est très sombre.' },
    { text: 'Câble pendant au-dessus du trottoir {street} à hauteur du {number}.' },
    { text: 'Trottoir effondré devant le {number} {street}, trou d’environ 50 cm.' },
    { text: 'Voiture en panne abandonnée en travers de la voie {street}, feux de détresse allumés.' },
  ],
  other: [
    { text: 'Chien errant sans collier {street}, il semble perdu et s’approche des enfants.' },
    { text: 'Alarme d’une maison qui sonne depuis plus d’une heure au {number} {street}, propriétaires absents.' },
    { text: 'Personne âgée qui semble désorientée {street}, elle cherche son domicile.' },
    { text: 'Colis abandonné devant l’entrée de l’immeuble du {number} {street} depuis ce matin.' },
    { text: 'Tapage nocturne récurrent au {number} {street}, musique forte après minuit.' },
    { text: 'Drone qui survole les jardins {street} à basse altitude.' },
    { text: 'Fuite d’eau importante sur la voie publique {street}, l’eau coule depuis le matin.' },
    { text: 'Porte de garage restée grande ouverte au {number} {street}, les voisins sont en vacances.' },
    { text: 'Pétards et feux d’artifice tirés {street} tard dans la soirée.' },
    { text: 'Rodéo de motos {street}, plusieurs passages à grande vitesse.' },
  ],
};

const CARS = ['Renault Clio', 'Peugeot 208', 'Peugeot 308', 'Volkswagen Golf', 'Dacia Sandero', 'Toyota Yaris', 'Audi A3', 'BMW Série 1', 'Citroën C3', 'Mercedes Classe A'];
const VANS = ['Renault Trafic', 'Renault Kangoo', 'Citroën Berlingo', 'Peugeot Partner', 'Ford Transit', 'Fiat Ducato', 'Mercedes Sprinter'];
/** [masculine, feminine]: a car is « une », a van « un ». */
const COLOURS: ReadonlyArray<readonly [string, string]> = [
  ['blanc', 'blanche'], ['gris', 'grise'], ['noir', 'noire'], ['bleu', 'bleue'], ['rouge', 'rouge'],
  ['gris foncé', 'gris foncé'], ['bleu marine', 'bleu marine'], ['bordeaux', 'bordeaux'], ['beige', 'beige'], ['vert', 'verte'],
];
const PERSONS = [
  'un homme d’une trentaine d’années', 'un homme d’environ 50 ans', 'une femme d’une quarantaine d’années', 'un jeune homme',
  'un individu de grande taille', 'un homme corpulent', 'une jeune femme', 'un adolescent',
];
const GROUPS = ['deux individus', 'deux jeunes hommes', 'trois adolescents', 'deux hommes d’une vingtaine d’années', 'trois individus'];
const CLOTHING = [
  'un sweat à capuche noir', 'une doudoune sombre', 'une veste de survêtement grise', 'une casquette rouge', 'un gilet orange de chantier',
  'une parka kaki', 'un jean et des baskets blanches', 'une tenue de sport noire', 'un blouson en cuir marron', 'un bonnet noir et un masque chirurgical',
  'un bob beige et un sac à dos', 'un gilet jaune, une tablette à la main',
];
/** Classic pretexts of abusive door-to-door selling (« se présentant comme … »), with their article. */
const COMPANIES = [
  'des agents EDF venus « relever le compteur »', 'des techniciens mandatés par la mairie pour les détecteurs de fumée',
  'des pompiers vendant des calendriers', 'des conseillers en rénovation (« isolation à 1 € »)', 'des techniciens de Veolia (contrôle de l’eau)',
  'des agents de La Poste', 'des bénévoles d’une association pour l’enfance', 'des ramoneurs agréés',
  'des élagueurs proposant de tailler les haies', 'des installateurs de pompes à chaleur « subventionnées »', 'des agents GRDF signalant une fuite de gaz',
];
const DURATIONS = ['depuis trois jours', 'depuis le week-end', 'depuis plus d’une semaine', 'depuis hier soir', 'depuis ce matin', 'depuis deux jours'];
const PLATE_LETTERS = 'ABCDEFGHJKLMNPQRSTVWXYZ'; // SIV plates skip I, O and U

export interface DescriptionContext {
  street: string;
  otherStreet: string;
  number: number;
  /** "vers 14 h 30", from the time the facts occurred. */
  time: string;
}

export interface Description {
  text: string;
  live: boolean;
}

/** `live` asks for facts in progress; a category without such templates falls back to the others. */
export function writeDescription(random: Random, category: ReportCategory, context: DescriptionContext, live: boolean): Description {
  const matching = TEMPLATES[category].filter((t) => (t.live === true) === live);
  const templates = matching.length > 0 ? matching : TEMPLATES[category];
  const template = random.pick(templates);
  const text = template.text.replace(/\{(\w+)\}/g, (_, key: string) => {
    const value = fill(random, key.toLowerCase(), context);
    return key[0] === key[0]?.toUpperCase() ? capitalize(value) : value;
  });
  return { text, live: template.live === true };
}

function fill(random: Random, key: string, context: DescriptionContext): string {
  switch (key) {
    case 'street':
      return context.street;
    case 'otherstreet':
      return context.otherStreet;
    case 'towards':
      return `vers ${withArticle(context.otherStreet)}`;
    case 'number':
      return String(context.number);
    case 'time':
      return context.time;
    case 'vehicle':
      return random.chance(0.7) ? car(random) : van(random);
    case 'van':
      return van(random);
    case 'plate':
      return plate(random);
    case 'person':
      return random.pick(PERSONS);
    case 'persons':
      return random.pick(GROUPS);
    case 'clothing':
      return random.pick(CLOTHING);
    case 'company':
      return random.pick(COMPANIES);
    case 'duration':
      return random.pick(DURATIONS);
    default:
      throw new Error(`Unknown description placeholder {${key}}`);
  }
}

const car = (random: Random) => `une ${random.pick(CARS)} ${random.pick(COLOURS)[1]}`;
const van = (random: Random) => `un ${random.pick(VANS)} ${random.pick(COLOURS)[0]}`;

function plate(random: Random): string {
  const letters = (count: number) => Array.from({ length: count }, () => random.pick([...PLATE_LETTERS])).join('');
  return random.weighted<() => string>([
    [() => `plaque commençant par « ${letters(2)}-${random.digits(1)} »`, 4],
    [() => `plaque se terminant par « ${random.digits(2)}-${letters(2)} »`, 3],
    [() => `immatriculation ${letters(2)}-${random.digits(3)}-${letters(2)}`, 3],
    [() => 'plaque non relevée', 3],
    [() => `plaque étrangère, ${random.pick(['belge', 'roumaine', 'polonaise', 'espagnole', 'allemande'])}`, 1],
  ])();
}

/** "avenue Victor-Hugo" → "l’avenue Victor-Hugo", as after « vers ». */
function withArticle(street: string): string {
  if (/^[aeiouéè]/i.test(street)) return `l’${street}`;
  return /^(boulevard|sentier|square|quai|cours|chemin)\b/.test(street) ? `le ${street}` : `la ${street}`;
}

const capitalize = (value: string) => value.charAt(0).toUpperCase() + value.slice(1);
