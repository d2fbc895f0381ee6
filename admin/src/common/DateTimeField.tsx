import { DateField, useLocaleState, type DateFieldProps } from 'react-admin';
import { dateLocaleFor } from '../providers/i18nProvider.ts';
import { DATE_TIME_OPTIONS } from './parisTime.ts';

/** A date and time in Paris time, formatted for the current language (08/03/2024 14:05). */
export const DateTimeField = (props: DateFieldProps) => {
  const [locale] = useLocaleState();
  return <DateField showTime locales={dateLocaleFor(locale)} options={DATE_TIME_OPTIONS} {...props} />;
};
