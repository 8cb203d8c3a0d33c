import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * Plans are data: at run time every form comes from the district's control sheet. The catalog of
 * seed plans (sheets-templates/forms/*.json, read by adapters/catalog/builtin-forms.ts) may only be
 * reached by the commands that copy from it (`plans add`, `plans list --catalog`, `templates
 * --catalog`) and by the demo, which writes it into its control workbook once. This walks the
 * import graph of the source, so a new path to the catalog fails here before it ships.
 */
const SRC = fileURLToPath(new URL('../../../functions/src/', import.meta.url));
const CATALOG = path.join(SRC, 'adapters/catalog/builtin-forms.ts');

async function importsOf(file: string): Promise<string[]> {
  const text = await readFile(file, 'utf8');
  const specifiers = [
    ...text.matchAll(/(?:^|\n)\s*(?:import|export)\s[^;]*?from\s+'(\.[^']+)'/g),
    ...text.matchAll(/import\('(\.[^']+)'\)/g),
  ].map((m) => m[1] ?? '');
  return specifiers.map((s) => path.resolve(path.dirname(file), s.replace(/\.js$/, '.ts')));
}

/** Every source file `entry` reaches through relative imports, with the path that reached it. */
async function reachable(entry: string): Promise<Map<string, string[]>> {
  const seen = new Map<string, string[]>([[entry, [entry]]]);
  const queue = [entry];
  while (queue.length > 0) {
    const file = queue.shift() as string;
    for (const next of await importsOf(file)) {
      if (seen.has(next)) continue;
      seen.set(next, [...(seen.get(file) ?? []), next]);
      queue.push(next);
    }
  }
  return seen;
}

const RUN_TIME_ENTRIES = [
  'index.ts',
  'handlers/sheet-event.ts',
  'handlers/scheduled.ts',
  'cli/commands/sweep.ts',
  'cli/commands/notify.ts',
  'cli/commands/provision.ts',
  'cli/commands/inspect.ts',
  'cli/commands/report.ts',
  'cli/run-sweep.ts',
  'app/open-district.ts',
  'app/sweep-district.ts',
  'app/notify-district.ts',
  'app/provision-district.ts',
  'jobs/sweep/run-district.ts',
  'jobs/ingest/ingest-unit.ts',
];

describe('no run-time path reads the catalog of seed plans', () => {
  it.each(RUN_TIME_ENTRIES)('%s never reaches adapters/catalog/builtin-forms.ts', async (entry) => {
    const graph = await reachable(path.join(SRC, entry));
    const via = graph.get(CATALOG)?.map((f) => path.relative(SRC, f));
    expect(via, `reached through ${via?.join(' → ')}`).toBeUndefined();
    // The walk really follows imports: the sweep is reachable from these entries' jobs or handlers.
    expect(graph.size).toBeGreaterThan(3);
  });

  it('the commands that copy from the catalog do reach it (the walk can fail)', async () => {
    expect((await reachable(path.join(SRC, 'cli/commands/plans.ts'))).has(CATALOG)).toBe(true);
  });
});
