/** `[{ id, name }]` for react-admin's Select inputs and fields; names are i18n keys, translated on render. */
export const choicesOf = (values: readonly string[], prefix: string) =>
  values.map((id) => ({ id, name: `${prefix}.${id}` }));
