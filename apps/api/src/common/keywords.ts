/** Case-insensitive de-duplication of typed phrases (keywords, services) that keeps the first spelling. */
export function uniqueKeywords(list: string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const k of list.map((s) => s.trim().replace(/\s+/g, ' ')).filter(Boolean)) {
    const key = k.toLocaleLowerCase('vi');
    if (!seen.has(key)) {
      seen.add(key);
      out.push(k);
    }
  }
  return out;
}
