import { Link, Typography } from '@mui/material';
import { useRecordContext } from 'react-admin';
import { formatPhone } from './phone.ts';

/** A phone number grouped by two, as a `tel:` link a phone dials in one tap. */
export const PhoneField = ({ source }: { source: string; label?: string }) => {
  const record = useRecordContext<Record<string, unknown>>();
  const phone = formatPhone(typeof record?.[source] === 'string' ? (record[source] as string) : null);
  if (!phone) return <Typography variant="body2">—</Typography>;
  return phone.href ? (
    <Link href={phone.href} variant="body2" sx={{ whiteSpace: 'nowrap' }}>
      {phone.text}
    </Link>
  ) : (
    <Typography variant="body2">{phone.text}</Typography>
  );
};

/** The same, for a number that is not a field of the record in context (a relative's, a list line). */
export const PhoneLink = ({ phone: raw }: { phone: string }) => {
  const phone = formatPhone(raw);
  if (!phone) return null;
  return phone.href ? (
    <Link href={phone.href} sx={{ whiteSpace: 'nowrap' }}>
      {phone.text}
    </Link>
  ) : (
    <>{phone.text}</>
  );
};
