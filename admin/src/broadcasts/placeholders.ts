/**
 * Templates carry placeholders in braces — `{rue}`, `{date}`, `{secteur}`, `{heure}` — that the
 * officer fills in the form. Unknown or empty ones stay visible, so nothing leaves half-written.
 */
export const PLACEHOLDER = /\{([a-z_]+)\}/g;

export function placeholdersIn(...texts: Array<string | null | undefined>): string[] {
  const names = new Set<string>();
  for (const text of texts) for (const match of (text ?? '').matchAll(PLACEHOLDER)) names.add(match[1]!);
  return [...names];
}

export function fillPlaceholders(text: string, values: Record<string, string | undefined>): string {
  return text.replace(PLACEHOLDER, (whole, name: string) => {
    const value = values[name]?.trim();
    return value ? value : whole;
  });
}

export const hasUnfilledPlaceholders = (text: string | null | undefined) => /\{[a-z_]+\}/.test(text ?? '');
