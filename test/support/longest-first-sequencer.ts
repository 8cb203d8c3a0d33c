import { relative } from 'node:path';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * Starts the slowest test files first, so the two workers finish together instead of one running
 * the demo's CLI file alone at the end. Vitest's own order mixes "unknown first", "failed first",
 * "longest first" and "largest first" in one comparison, which is not a consistent order once
 * some files have no recorded time: here a file without a recorded time (new, or never finished)
 * goes first, as the slowest guess; then recorded time, longest first; then file size, largest first.
 */
export class LongestFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const { cache, config } = this.ctx;
    const expected = (spec: TestSpecification) => {
      const key = `${spec.project.name}:${relative(config.root, spec.moduleId)}`;
      return {
        duration: cache.getFileTestResults(key)?.duration ?? Number.POSITIVE_INFINITY,
        size: cache.getFileStats(key)?.size ?? 0,
      };
    };
    const ranked = files.map((spec) => ({ spec, ...expected(spec) }));
    ranked.sort((a, b) => b.duration - a.duration || b.size - a.size || a.spec.moduleId.localeCompare(b.spec.moduleId));
    return ranked.map(({ spec }) => spec);
  }
}
