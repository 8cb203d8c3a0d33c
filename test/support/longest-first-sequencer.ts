import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * Milliseconds each test file took in a recorded run (scripts/record-test-durations.mjs writes it): the order's guide
 * where Vitest has no record of its own, as in a clean clone or on CI. By file size alone, a slow file that is short
 * (a crash test driving child processes) started among the last and ran alone at the end.
 */
const RECORDED: Readonly<Record<string, number>> = JSON.parse(
  readFileSync(new URL('test-durations.json', import.meta.url), 'utf8'),
) as Record<string, number>;

/**
 * Starts the slowest test files first, so the two workers finish together instead of one running
 * the demo's CLI file alone at the end. Vitest's own order mixes "unknown first", "failed first",
 * "longest first" and "largest first" in one comparison, which is not a consistent order once
 * some files have no recorded time. Here a file's expected time is Vitest's record of its last
 * run, else its time in test-durations.json; a file with neither (new, or never finished) goes
 * first, as the slowest guess; then expected time, longest first; then file size, largest first.
 */
export class LongestFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const { cache, config } = this.ctx;
    const expected = (spec: TestSpecification) => {
      const file = relative(config.root, spec.moduleId);
      const key = `${spec.project.name}:${file}`;
      return {
        duration: cache.getFileTestResults(key)?.duration ?? RECORDED[file] ?? Number.POSITIVE_INFINITY,
        size: cache.getFileStats(key)?.size ?? 0,
      };
    };
    const ranked = files.map((spec) => ({ spec, ...expected(spec) }));
    ranked.sort((a, b) => b.duration - a.duration || b.size - a.size || a.spec.moduleId.localeCompare(b.spec.moduleId));
    return ranked.map(({ spec }) => spec);
  }
}
