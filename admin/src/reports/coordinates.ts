export type Axis = 'lat' | 'lng';

const LIMIT: Record<Axis, number> = { lat: 90, lng: 180 };

// Decimal degrees with a point or a French comma: « 48,7794 », « 2.3162 », « -0,5 ». Nothing else:
// no thousands separators, no degrees-minutes-seconds, no exponent, at most one separator.
const DECIMAL = /^[+-]?\d{1,3}(?:[.,]\d{1,15})?$/;

export type ParsedCoordinate = { value: number | null; error?: undefined } | { value?: undefined; error: 'vigie.create.coordinate_invalid' | 'vigie.create.coordinate_range' };

/** What an officer typed in the latitude or longitude field, as a number, empty, or a reason to refuse it. */
export function parseCoordinate(text: string, axis: Axis): ParsedCoordinate {
  const trimmed = text.trim();
  if (trimmed === '') return { value: null };
  if (!DECIMAL.test(trimmed)) return { error: 'vigie.create.coordinate_invalid' };
  const value = Number(trimmed.replace(',', '.'));
  if (!Number.isFinite(value)) return { error: 'vigie.create.coordinate_invalid' };
  if (Math.abs(value) > LIMIT[axis]) return { error: 'vigie.create.coordinate_range' };
  return { value };
}

/** The text a coordinate shows in its field, in the language's decimal separator. */
export const formatCoordinate = (value: number, locale: string) => {
  const text = String(Math.round(value * 1e6) / 1e6);
  return locale.startsWith('fr') ? text.replace('.', ',') : text;
};
