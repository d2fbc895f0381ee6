/**
 * A French phone number as officers read it aloud (« 06 12 34 56 78 ») and the `tel:` target a
 * phone dials. Numbers in +33 or 0033 form are shown nationally; anything else is shown as typed.
 */
export function formatPhone(raw: string | null | undefined): { text: string; href: string } | null {
  const typed = raw?.trim();
  if (!typed) return null;
  const digits = typed.replace(/[\s.()-]/g, '');
  const national = /^(?:\+33|0033)([1-9]\d{8})$/.exec(digits)?.[1] ?? /^0([1-9]\d{8})$/.exec(digits)?.[1];
  if (national) {
    const ten = `0${national}`;
    return { text: ten.replace(/(\d{2})(?=\d)/g, '$1 '), href: `tel:+33${national}` };
  }
  const dialable = digits.replace(/(?!^\+)[^\d]/g, '');
  return { text: typed, href: /^\+?\d{3,20}$/.test(dialable) ? `tel:${dialable}` : '' };
}
