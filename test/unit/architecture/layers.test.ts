import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * The layers import inwards only (DESIGN "Layout"):
 *   domain/   pure rules; imports nothing outside domain/
 *   jobs/     the use cases, on ports; never the application layer or an entry point
 *   adapters/ vendors behind the ports; from jobs/ only the ports they implement
 *   app/      the one wiring of a district (control → plans → problems → adapters → stores → jobs)
 *   cli/, handlers/  entry points: parse, call app/, format
 *   demo/     the sample district of `tonghop demo` and its replayed history, on jobs/ and adapters/
 * So nothing in domain/, adapters/ or jobs/ imports from app/, cli/ or handlers/, and app/ never
 * imports an entry point. The demo is no layer of the general path: only the CLI's demo command
 * (cli/commands/demo*.ts) imports it, and it takes nothing from app/ or an entry point. This reads every relative import of the source, so a wiring module
 * that creeps back into adapters/ (as district-sheets.ts and run-notify.ts once did) fails here.
 */
const SRC = fileURLToPath(new URL('../../../functions/src/', import.meta.url));

interface Import {
  readonly from: string;
  /** Source-relative path of the imported file. */
  readonly to: string;
  /** `import type …` / `export type …`: erased at compile time, no code dependency. */
  readonly typeOnly: boolean;
}

async function sourceFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(
    entries.map((e) =>
      e.isDirectory()
        ? sourceFiles(path.join(dir, e.name))
        : Promise.resolve(e.name.endsWith('.ts') ? [path.join(dir, e.name)] : []),
    ),
  );
  return nested.flat();
}

async function importsOf(file: string): Promise<Import[]> {
  const text = await readFile(file, 'utf8');
  const statics = [...text.matchAll(/(?:^|\n)\s*(import|export)(\s+type)?\s[^;]*?from\s+'(\.[^']+)'/g)].map((m) => ({
    specifier: m[3] ?? '',
    typeOnly: m[2] !== undefined,
  }));
  const dynamics = [...text.matchAll(/import\('(\.[^']+)'\)/g)].map((m) => ({
    specifier: m[1] ?? '',
    typeOnly: false,
  }));
  return [...statics, ...dynamics].map(({ specifier, typeOnly }) => ({
    from: path.relative(SRC, file),
    to: path.relative(SRC, path.resolve(path.dirname(file), specifier.replace(/\.js$/, '.ts'))),
    typeOnly,
  }));
}

const allImports = (await Promise.all((await sourceFiles(SRC)).map(importsOf))).flat();
const layerOf = (file: string) => file.split(path.sep)[0] ?? '';
const show = (imports: readonly Import[]) => imports.map((i) => `${i.from} → ${i.to}`);

/** What an adapter may take from jobs/: the ports it implements (types), their error classes and fingerprint rule. */
const JOB_PORT_FILE = /^jobs\/(?:[\w-]+\/)*(?:ports|[\w-]+-error|fingerprint)\.ts$/;

describe('layers import inwards only', () => {
  it('reads the imports of the whole source (the rules below can fail)', () => {
    expect(allImports.length).toBeGreaterThan(300);
    expect(allImports.some((i) => layerOf(i.from) === 'cli' && layerOf(i.to) === 'app')).toBe(true);
    expect(allImports.some((i) => layerOf(i.from) === 'handlers' && layerOf(i.to) === 'app')).toBe(true);
    expect(allImports.some((i) => i.typeOnly)).toBe(true);
    expect(allImports.some((i) => layerOf(i.from) === 'demo' && layerOf(i.to) === 'jobs')).toBe(true);
    expect(allImports.some((i) => layerOf(i.from) === 'demo' && layerOf(i.to) === 'adapters')).toBe(true);
    expect(allImports.some((i) => layerOf(i.from) === 'cli' && layerOf(i.to) === 'demo')).toBe(true);
  });

  it.each(['domain', 'adapters', 'jobs'])('nothing in %s/ imports from app/, cli/ or handlers/', (layer) => {
    const outward = allImports.filter(
      (i) => layerOf(i.from) === layer && ['app', 'cli', 'handlers'].includes(layerOf(i.to)),
    );
    expect(show(outward)).toEqual([]);
  });

  it("only the CLI's demo command (cli/commands/demo*.ts) imports demo/", () => {
    const demoCommand = /^cli\/commands\/demo[\w-]*\.ts$/;
    const intoDemo = allImports.filter(
      (i) =>
        layerOf(i.to) === 'demo' && layerOf(i.from) !== 'demo' && !demoCommand.test(i.from.split(path.sep).join('/')),
    );
    expect(show(intoDemo)).toEqual([]);
  });

  it('demo/ takes from domain/, jobs/ and adapters/ only: never app/, an entry point or the settings', () => {
    const allowed = ['demo', 'domain', 'jobs', 'adapters'];
    expect(show(allImports.filter((i) => layerOf(i.from) === 'demo' && !allowed.includes(layerOf(i.to))))).toEqual([]);
  });

  it('domain/ imports only domain/ (pure rules, no adapter, job or settings)', () => {
    expect(show(allImports.filter((i) => layerOf(i.from) === 'domain' && layerOf(i.to) !== 'domain'))).toEqual([]);
  });

  it('app/ never imports an entry point (cli/, handlers/)', () => {
    expect(
      show(allImports.filter((i) => layerOf(i.from) === 'app' && ['cli', 'handlers'].includes(layerOf(i.to)))),
    ).toEqual([]);
  });

  it('adapters/ take from jobs/ only the ports they implement, never a job', () => {
    const jobCode = allImports.filter(
      (i) =>
        layerOf(i.from) === 'adapters' &&
        layerOf(i.to) === 'jobs' &&
        !i.typeOnly &&
        !JOB_PORT_FILE.test(i.to.split(path.sep).join('/')),
    );
    expect(show(jobCode)).toEqual([]);
  });

  it('the Google adapter takes sheet layout from adapters/sheet-layout/, never from the workbook adapter', () => {
    const google = allImports.filter((i) => i.from.startsWith(`adapters${path.sep}google${path.sep}`));
    expect(google.some((i) => i.to.startsWith(`adapters${path.sep}sheet-layout${path.sep}`))).toBe(true);
    expect(show(google.filter((i) => i.to.startsWith(`adapters${path.sep}workbook${path.sep}`)))).toEqual([]);
  });

  it('adapters/sheet-layout/ is layout only: no adapter of its own to lean on', () => {
    const layout = allImports.filter((i) => i.from.startsWith(`adapters${path.sep}sheet-layout${path.sep}`));
    expect(layout.length).toBeGreaterThan(0);
    expect(
      show(
        layout.filter(
          (i) => layerOf(i.to) !== 'domain' && !i.to.startsWith(`adapters${path.sep}sheet-layout${path.sep}`),
        ),
      ),
    ).toEqual([]);
  });

  it('the wiring of a district lives in app/, not adapters/', () => {
    const files = new Set(allImports.map((i) => i.from.split(path.sep).join('/')));
    for (const wiring of ['district-sheets.ts', 'run-notify.ts']) {
      expect(files.has(`app/${wiring}`)).toBe(true);
      expect(files.has(`adapters/${wiring}`)).toBe(false);
    }
  });
});
