/**
 * The `fields` masks of Sheets update requests ("title,gridProperties.frozenRowCount", "*"):
 * which paths they cover and how to copy those paths from a request onto the stored object.
 */

/** The paths of a mask, trimmed; empty for an absent or blank mask. */
export function maskPaths(fields: string | null | undefined): string[] {
  return (fields ?? '')
    .split(',')
    .map((path) => path.trim())
    .filter((path) => path !== '');
}

/** True when the mask covers `path`: `*`, the path itself, or one of its ancestors. */
export function maskCovers(fields: string | null | undefined, path: string): boolean {
  return maskPaths(fields).some((field) => field === '*' || field === path || path.startsWith(`${field}.`));
}

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The value at a dotted path, undefined when any step is missing. */
export function valueAt(source: unknown, path: string): unknown {
  let current = source;
  for (const step of path.split('.')) {
    if (!isObject(current)) return undefined;
    current = current[step];
  }
  return current;
}

/** Copy the value at `path` from `source` onto `target`; an absent value deletes the key, as an update with a mask does. */
export function copyPath(target: Json, source: unknown, path: string): void {
  const steps = path.split('.');
  const last = steps.pop();
  if (last === undefined) return;
  let current = target;
  for (const step of steps) {
    const next = current[step];
    if (!isObject(next)) current[step] = {};
    current = current[step] as Json;
  }
  const value = valueAt(source, path);
  if (value === undefined) delete current[last];
  else current[last] = structuredClone(value);
}
