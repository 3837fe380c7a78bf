// Site ids made from names (kebab-case, unique within a list) for imported rows that carry no id of their own.
const MAX_ID_LENGTH = 80;

/**
 * A kebab-case id from a name: accents dropped ('Café' -> 'cafe'), every run of other characters one '-', at most 80
 * characters. 'site' when nothing usable is left (a name in a non-Latin script).
 */
export function siteIdFromName(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, MAX_ID_LENGTH)
    .replace(/-+$/, '');
  return slug === '' ? 'site' : slug;
}

/**
 * `base` if no id in `taken` uses it, else `base-2`, `base-3`... (shortened so the id stays within 80 characters).
 * Does not modify `taken`.
 */
export function uniqueSiteId(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) {
    const suffix = `-${n}`;
    const candidate = `${base.slice(0, MAX_ID_LENGTH - suffix.length).replace(/-+$/, '')}${suffix}`;
    if (!taken.has(candidate)) return candidate;
  }
}
