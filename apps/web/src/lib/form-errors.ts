/**
 * A long form's problems for FormError's summary: each field that has an error, in the form's order
 * (`labels`: the field's name and its label), as a link to its control (`f-<name>`, Field's id).
 */
export function problemLinks(labels: readonly (readonly [name: string, label: string])[], errors: Record<string, string> | null | undefined): { id: string; label: string; error: string }[] {
  return labels.filter(([name]) => errors?.[name]).map(([name, label]) => ({ id: `f-${name}`, label, error: errors![name] }));
}
