import type { MouseEvent, ReactNode } from 'react';
import { Link, useCreatePath, useRecordContext, useResourceContext } from 'react-admin';

/**
 * DataTable rows open on click but are not focusable; this link makes the same target reachable
 * from the keyboard (RGAA 12.8). It stops the click so the row does not navigate a second time.
 */
export const RecordLink = ({
  type,
  label,
  children,
}: {
  type: 'show' | 'edit';
  label?: string;
  children: ReactNode;
}) => {
  const record = useRecordContext();
  const resource = useResourceContext();
  const createPath = useCreatePath();
  if (!record || !resource) return null;
  return (
    <Link
      to={createPath({ resource, id: record.id, type })}
      aria-label={label}
      onClick={(event: MouseEvent) => event.stopPropagation()}
      sx={{ fontWeight: 500 }}
    >
      {children}
    </Link>
  );
};
