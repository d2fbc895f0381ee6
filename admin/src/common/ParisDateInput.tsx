import { DateInput, type DateInputProps } from 'react-admin';
import { parisDay, parisDayBoundary } from './parisTime.ts';

/** A day picker for `*_gte` / `*_lte` filters: sends the first or last instant of that day in Paris. */
export const ParisDateInput = ({ edge, ...props }: DateInputProps & { edge: 'start' | 'end' }) => (
  <DateInput {...props} format={parisDay} parse={(day: string) => (day ? parisDayBoundary(day, edge) : null)} />
);
