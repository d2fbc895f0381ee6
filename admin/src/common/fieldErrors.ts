import { HttpError } from 'react-admin';

/**
 * The server's `errors` (one French message per field, on a 400 or a 409), in the shape react-admin's
 * forms take from an `onSubmit` to show them beside the fields; undefined for any other failure.
 */
export const fieldErrorsOf = (error: unknown): Record<string, string> | undefined => {
  const errors = error instanceof HttpError ? (error.body as { errors?: unknown } | null)?.errors : undefined;
  return errors && typeof errors === 'object' && Object.keys(errors).length > 0 ? (errors as Record<string, string>) : undefined;
};
