import { useState } from 'react';
import { fieldErrorsOf } from '../common/fieldErrors.ts';
import { HttpError, useNotify, useUpdate } from 'react-admin';
import type { Report } from '@vigie/shared';

/** What PUT /api/reports/:id accepts. */
export interface TriageChange {
  status?: Report['status'];
  priority?: Report['priority'];
  category?: Report['category'];
  assigned_to?: number | null;
  note?: string;
  reply?: string;
  template_id?: number;
  /** The Police nationale's reference, when forwarding. */
  reference?: string;
}

export type FieldErrors = Partial<Record<keyof TriageChange | 'ids', string>>;

/** The server's 400 `errors` (one French message per field), to show beside the fields. */
export const triageFieldErrors = (error: unknown): FieldErrors =>
  error instanceof HttpError && error.status === 400 ? ((fieldErrorsOf(error) ?? {}) as FieldErrors) : {};

/**
 * One pessimistic update of a report's triage fields: the server may refuse a transition another
 * officer made moot (409) and its message is shown as is; 400 field errors are handed back.
 */
export function useTriageUpdate(record: Report | undefined) {
  const notify = useNotify();
  const [update, { isPending }] = useUpdate<Report>();
  const [errors, setErrors] = useState<FieldErrors>({});
  const apply = (data: TriageChange, message: string, messageArgs: Record<string, unknown> = {}) =>
    new Promise<boolean>((resolve) => {
      if (!record) return resolve(false);
      setErrors({});
      void update(
        'reports',
        { id: record.id, data, previousData: record },
        {
          mutationMode: 'pessimistic',
          onSuccess: (saved) => {
            // A 403 is reported by checkError and resolves empty: do not claim success then.
            if (saved?.id !== undefined) notify(message, { type: 'success', messageArgs });
            resolve(saved?.id !== undefined);
          },
          onError: (error) => {
            setErrors(triageFieldErrors(error));
            notify((error as Error)?.message || 'ra.notification.http_error', { type: 'error' });
            resolve(false);
          },
        },
      );
    });
  return { apply, isPending, errors };
}
