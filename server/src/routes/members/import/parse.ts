import { parse } from 'csv-parse';
import { foldText } from '../../posts/flags.ts';

/** One valid line of the file, contacts normalised. */
export interface ImportLine {
  line: number;
  full_name: string;
  address: string;
  email: string | null;
  phone: string | null;
  channels: Array<'sms' | 'email'>;
}

export interface LineProblem {
  line: number;
  field: string;
  message: string;
}

export interface ParsedFile {
  lines: ImportLine[];
  errors: LineProblem[];
  /** Rows read, header excluded. */
  total: number;
}

/** French headers as a clerk types them; accents, case and dashes do not matter. */
const HEADERS: Record<string, keyof Omit<ImportLine, 'line'>> = {
  nom: 'full_name', 'nom complet': 'full_name', 'prenom nom': 'full_name',
  adresse: 'address', 'adresse postale': 'address',
  email: 'email', 'e mail': 'email', courriel: 'email', mail: 'email',
  telephone: 'phone', tel: 'phone', portable: 'phone', mobile: 'phone',
  canaux: 'channels', canal: 'channels',
};
const REQUIRED = ['full_name', 'address'] as const;

const EMAIL = /^[^\s@]{1,64}@[^\s@]{1,252}\.[^\s@.]{2,}$/;
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

/**
 * French numbers to E.164 (+33…); a foreign number must be written with its `+`. Mobiles start with
 * 6 or 7 (ARCEP plan): only they can receive the SMS channel.
 */
export function normalizePhone(raw: string): { e164: string; mobile: boolean } | null {
  const compact = raw.replace(/[\s.\-()]/g, '');
  let e164: string;
  if (/^0[1-9]\d{8}$/.test(compact)) e164 = `+33${compact.slice(1)}`;
  else if (/^(\+|00)33[1-9]\d{8}$/.test(compact)) e164 = `+33${compact.slice(compact.startsWith('+') ? 3 : 4)}`;
  else if (/^(\+|00)[1-9]\d{6,14}$/.test(compact)) e164 = `+${compact.replace(/^(\+|00)/, '')}`;
  else return null;
  return { e164, mobile: /^\+33[67]/.test(e164) || !e164.startsWith('+33') };
}

/** `;` or `,`: whichever the header line uses more (French Excel writes `;`). */
export function detectDelimiter(text: string): ';' | ',' {
  const first = text.slice(0, text.indexOf('\n') === -1 ? undefined : text.indexOf('\n'));
  return (first.match(/;/g)?.length ?? 0) >= (first.match(/,/g)?.length ?? 0) ? ';' : ',';
}

function validate(record: Record<string, string>, line: number, errors: LineProblem[]): ImportLine | null {
  const before = errors.length;
  const problem = (field: string, message: string) => errors.push({ line, field, message });
  const text = (field: 'full_name' | 'address', max: number) => {
    const value = (record[field] ?? '').trim();
    if (!value) problem(field, 'Requis.');
    else if (value.length > max) problem(field, `${max} caractères au plus.`);
    else if (CONTROL.test(value)) problem(field, 'Caractères de contrôle interdits.');
    return value;
  };
  const full_name = text('full_name', 200);
  const address = text('address', 500);
  const rawEmail = (record.email ?? '').trim().toLowerCase();
  const email = rawEmail || null;
  if (email && (email.length > 254 || !EMAIL.test(email))) problem('email', `Adresse e-mail invalide : « ${email.slice(0, 60)} ».`);
  const rawPhone = (record.phone ?? '').trim();
  const phone = rawPhone ? normalizePhone(rawPhone) : null;
  if (rawPhone && !phone) problem('phone', `Numéro de téléphone invalide : « ${rawPhone.slice(0, 30)} ».`);

  let channels: Array<'sms' | 'email'>;
  const rawChannels = foldText(record.channels ?? '');
  if (rawChannels) {
    channels = [];
    for (const word of rawChannels.split(' ')) {
      const channel = word === 'sms' ? 'sms' : ['email', 'mail', 'courriel', 'e'].includes(word) ? 'email' : null;
      if (word === 'e' || word === 'mail') {
        if (!channels.includes('email')) channels.push('email');
      } else if (channel && !channels.includes(channel)) channels.push(channel);
      else if (!channel) problem('channels', `Canal inconnu : « ${word.slice(0, 20)} » (sms ou email).`);
    }
  } else {
    // No column or empty cell: every channel the contacts allow.
    channels = [...(email ? (['email'] as const) : []), ...(phone?.mobile ? (['sms'] as const) : [])];
  }
  if (channels.includes('email') && !email) problem('channels', 'Canal e-mail sans adresse e-mail.');
  if (channels.includes('sms') && !phone) problem('channels', 'Canal SMS sans numéro de téléphone.');
  else if (channels.includes('sms') && phone && !phone.mobile) problem('phone', 'Le canal SMS demande un numéro de portable (06 ou 07).');
  if (!email && !rawPhone) problem('email', 'Une adresse e-mail ou un téléphone est requis pour recevoir les alertes.');
  else if (channels.length === 0 && errors.length === before) problem('channels', 'Aucun canal possible : indiquez un e-mail ou un portable.');
  if (errors.length > before) return null;
  return { line, full_name, address, email, phone: phone?.e164 ?? null, channels };
}

/**
 * Reads a members file: UTF-8 with or without BOM, `;` or `,`, a header line naming the columns
 * (nom;adresse;email;telephone;canaux, any order). csv-parse handles quoted fields spanning lines,
 * so a line number is the file's line where the record starts, as a spreadsheet shows it.
 */
export async function parseMembersFile(bytes: Uint8Array): Promise<ParsedFile | { fileError: string }> {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { fileError: 'Le fichier n’est pas en UTF-8 : dans le tableur, enregistrez-le en « CSV UTF-8 ».' };
  }
  text = text.replace(/^\uFEFF/, '');
  if (!text.trim()) return { fileError: 'Le fichier est vide.' };
  const delimiter = detectDelimiter(text);
  // No `info` nor `trim`: csv-parse's per-record info snapshot tripled the parse of 100,000 lines.
  // Line numbers are counted here instead: one per record, plus the line breaks inside its quoted fields.
  const parser = parse(text, { delimiter, relax_column_count: true });
  let header: Array<keyof Omit<ImportLine, 'line'> | null> | null = null;
  const lines: ImportLine[] = [];
  const errors: LineProblem[] = [];
  let total = 0;
  let nextLine = 1;
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      const line = nextLine;
      for (const field of record) for (let i = field.indexOf('\n'); i !== -1; i = field.indexOf('\n', i + 1)) nextLine++;
      nextLine++;
      if (record.length === 1 && record[0]!.trim() === '') continue; // an empty line
      if (!header) {
        header = record.map((name) => HEADERS[foldText(name)] ?? null);
        const missing = REQUIRED.filter((field) => !header!.includes(field));
        if (missing.length) {
          const names = { full_name: 'nom', address: 'adresse' };
          return { fileError: `Colonnes manquantes : ${missing.map((m) => names[m]).join(', ')}. En-tête attendu : nom;adresse;email;telephone;canaux.` };
        }
        continue;
      }
      total++;
      const named: Record<string, string> = {};
      header.forEach((field, i) => {
        if (field) named[field] = record[i] ?? '';
      });
      const valid = validate(named, line, errors);
      if (valid) lines.push(valid);
    }
  } catch (error) {
    return { fileError: `Fichier CSV illisible : ${(error as Error).message.slice(0, 200)}` };
  }
  if (!header) return { fileError: 'Le fichier est vide.' };
  return { lines, errors, total };
}
