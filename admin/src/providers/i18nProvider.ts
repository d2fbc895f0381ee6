import polyglotI18nProvider from 'ra-i18n-polyglot';
import { fr } from '../i18n/fr.ts';

export const LOCALES = [
  { locale: 'fr', name: 'Français' },
  { locale: 'en', name: 'English' },
];

/** French ships in the first bundle; English is fetched only when someone picks it. */
export const i18nProvider = polyglotI18nProvider(
  (locale) => (locale === 'en' ? import('../i18n/en.ts').then((module) => module.en) : fr),
  'fr',
  LOCALES,
);

/** BCP 47 tag for dates: French users read "08/03/2024 14:05", English ones "08/03/2024, 14:05". */
export const dateLocaleFor = (locale: string) => (locale === 'en' ? 'en-GB' : 'fr-FR');
