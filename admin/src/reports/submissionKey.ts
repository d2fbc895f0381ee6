/** The field that carries the key from the form's transform to the data provider (never sent). */
export const IDEMPOTENCY_FIELD = '__idempotency_key';

/**
 * One Idempotency-Key per form submission: submitting the very same payload again (a retry after
 * an error or a timeout) reuses it, so the server stores the report once; any change is a new
 * submission and gets a new key.
 */
export function createSubmissionKeys(newKey: () => string = () => crypto.randomUUID()) {
  let last: { payload: string; key: string } | null = null;
  return {
    keyFor(payload: Record<string, unknown>): string {
      const text = JSON.stringify(payload);
      if (last?.payload !== text) last = { payload: text, key: newKey() };
      return last.key;
    },
  };
}

/** Splits what the form's transform produced into the body and its key (if any). */
export function takeSubmissionKey(data: Record<string, unknown>): { body: Record<string, unknown>; key: string | null } {
  const { [IDEMPOTENCY_FIELD]: key, ...body } = data;
  return { body, key: typeof key === 'string' ? key : null };
}
