import type { Random } from './random.ts';

/**
 * Contact details that look real but reach no one: mobiles in ARCEP's range reserved for fiction
 * (06 39 98 xx xx), landlines in 01 99 00 xx xx, e-mails on IANA's reserved example domains. A
 * demo broadcast can never text or mail a real person.
 */
export const fictionMobile = (random: Random) => `+3363998${random.digits(4)}`;
export const fictionLandline = (random: Random) => `+3319900${random.digits(4)}`;

const DOMAINS = ['example.org', 'example.com', 'example.net'];

export interface Person {
  first_name: string;
  last_name: string;
  full_name: string;
}

export function person(random: Random): Person {
  const sex = random.chance(0.5) ? 'female' : 'male';
  const first_name = random.faker.person.firstName(sex);
  const last_name = random.faker.person.lastName();
  return { first_name, last_name, full_name: `${first_name} ${last_name}` };
}

export function email(random: Random, { first_name, last_name }: Person): string {
  const first = slug(first_name);
  const last = slug(last_name);
  const local = random.weighted<string>([
    [`${first}.${last}`, 5],
    [`${first.charAt(0)}${last}`, 2],
    [`${first}.${last}${random.int(1, 99)}`, 2],
    [`${last}.${first}`, 1],
  ]);
  return `${local}@${random.pick(DOMAINS)}`;
}

/** "Élodie Le Gall" → "elodie", "legall": ASCII, lowercase, no spaces or apostrophes. */
const slug = (value: string) =>
  value
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9-]/g, '');
