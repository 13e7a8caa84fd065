/**
 * One kind of line break in the text the API stores: "\n". An HTML form's textarea submits its
 * lines with "\r\n" (and an old Mac's text may have a lone "\r"), while text written through the
 * API or published earlier has "\n": left as they come, the same text would read as changed to
 * whoever compares it (a moderator reviewing an update saw untouched fields listed as changed).
 */
export function unifyLineBreaks(text: string): string {
  return text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
}

const isPlainObject = (value: object): boolean => {
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
};

/**
 * `value` with unifyLineBreaks applied to every string in it: in plain objects and arrays, at any
 * depth (a GraphQL input, a JSON body). Anything else (an upload, a date) is left as it is. A
 * value with nothing to change is returned as it was, not copied.
 */
export function unifyLineBreaksDeep<T>(value: T): T {
  if (typeof value === 'string') return unifyLineBreaks(value) as T;
  if (Array.isArray(value)) {
    let changed = false;
    const out = value.map((v) => {
      const u = unifyLineBreaksDeep(v);
      changed ||= u !== v;
      return u;
    });
    return (changed ? out : value) as T;
  }
  if (value && typeof value === 'object' && isPlainObject(value)) {
    let out: Record<string, unknown> | null = null;
    for (const [key, v] of Object.entries(value)) {
      const u = unifyLineBreaksDeep(v);
      if (u !== v) {
        out ??= Object.assign(Object.create(Object.getPrototypeOf(value)), value);
        out![key] = u;
      }
    }
    return (out ?? value) as T;
  }
  return value;
}
