// Filters live in the query string so a page can be bookmarked and shared as it is seen.

export type FilterValues = Record<string, string | string[] | undefined>;

export interface FilterSpec {
  /** Keys holding several values (written comma separated, e.g. ?priority=HIGH,URGENT). */
  lists?: readonly string[];
  /** Allowed values per key; anything else in a shared URL is dropped rather than sent to the API. */
  allowed?: Readonly<Record<string, readonly string[]>>;
}

export function readFilters(search: string | URLSearchParams, spec: FilterSpec = {}): FilterValues {
  const params = typeof search === 'string' ? new URLSearchParams(search) : search;
  const values: FilterValues = {};
  for (const [key, raw] of params) {
    const allowed = spec.allowed?.[key];
    if (spec.lists?.includes(key)) {
      const items = raw.split(',').map((s) => s.trim()).filter((s) => s && (!allowed || allowed.includes(s)));
      if (items.length) values[key] = items;
    } else if (raw !== '' && (!allowed || allowed.includes(raw))) {
      values[key] = raw;
    }
  }
  return values;
}

/** The query string for `values`, with keys in a stable order and empty values left out. */
export function writeFilters(values: FilterValues): string {
  const params = new URLSearchParams();
  for (const key of Object.keys(values).sort()) {
    const value = values[key];
    if (Array.isArray(value)) { if (value.length) params.set(key, value.join(',')); }
    else if (value) params.set(key, value);
  }
  const text = params.toString().replace(/%2C/g, ',');
  return text ? `?${text}` : '';
}

/** A copy of `values` with `key` set (or removed when empty); changing a filter drops the page cursor. */
export function withFilter(values: FilterValues, key: string, value: string | string[] | undefined): FilterValues {
  const next: FilterValues = { ...values, [key]: value };
  if (key !== 'after') delete next.after;
  if (value === undefined || value === '' || (Array.isArray(value) && !value.length)) delete next[key];
  return next;
}
