// Records keyed by names a user wrote (a quantity, a survey item, a rubric dimension, a census
// category, an observed measure). A plain `{}` answers `constructor` and `valueOf` with
// Object.prototype's functions and takes `__proto__` as its prototype, so such a name would be
// found where it was never written or lost where it was. Every such record is made here, with no
// prototype (eslint.config.mjs refuses a bare `{}` typed `Record<string, …>` in src), and a record
// that came from elsewhere (a parsed YAML mapping, JSON) is read through `own`.

/** A record with no prototype: every key, `__proto__` included, is only what was put there. */
export function nameRecord<T>(entries?: Iterable<readonly [string, T]>): Record<string, T> {
  const out = Object.create(null) as Record<string, T>;
  if (entries) for (const [k, v] of entries) out[k] = v;
  return out;
}

/** `record[name]` only when the record itself holds it (never an inherited member such as `constructor`). */
export function own<T>(record: Readonly<Record<string, T>> | undefined | null, name: string): T | undefined {
  return record != null && Object.hasOwn(record, name) ? record[name] : undefined;
}

/** Whether the record itself holds `name` (`name in record` would also say yes to `valueOf`). */
export function owns(record: object | undefined | null, name: string): boolean {
  return record != null && Object.hasOwn(record, name);
}
