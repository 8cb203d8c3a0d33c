import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../functions/src/config.js';
import { DEFAULT_SHEET_LIMITS } from '../../functions/src/domain/sheets/sheet-limits.js';

const MB = 1024 * 1024;

describe('sheet limits settings (TONGHOP_MAX_*)', () => {
  it('defaults fit a 1 GiB function', () => {
    expect(loadConfig({}).sheetLimits).toEqual({
      maxFileBytes: 20 * MB,
      maxUnzippedBytes: 200 * MB,
      maxPartBytes: 50 * MB,
      maxSharedStringsBytes: 20 * MB,
      maxRowsPerTab: 20_000,
      maxCellsPerTab: 1_000_000,
      maxCellsPerFile: 1_000_000,
      maxColumns: 200,
    });
    expect(loadConfig({}).sheetLimits).toEqual(DEFAULT_SHEET_LIMITS);
  });

  it.each([
    ['TONGHOP_MAX_FILE_MB', '5', 'maxFileBytes', 5 * MB],
    ['TONGHOP_MAX_UNZIPPED_MB', '100', 'maxUnzippedBytes', 100 * MB],
    ['TONGHOP_MAX_PART_MB', '30', 'maxPartBytes', 30 * MB],
    ['TONGHOP_MAX_SHARED_STRINGS_MB', '10', 'maxSharedStringsBytes', 10 * MB],
    ['TONGHOP_MAX_ROWS_PER_TAB', '5000', 'maxRowsPerTab', 5000],
    ['TONGHOP_MAX_CELLS_PER_TAB', '200000', 'maxCellsPerTab', 200_000],
    ['TONGHOP_MAX_CELLS_PER_FILE', '300000', 'maxCellsPerFile', 300_000],
    ['TONGHOP_MAX_COLUMNS', '60', 'maxColumns', 60],
  ])('%s=%s sets %s', (variable, value, key, expected) => {
    expect(loadConfig({ [variable]: value }).sheetLimits).toMatchObject({ [key]: expected });
  });

  it.each([
    ['TONGHOP_MAX_FILE_MB', '0'],
    ['TONGHOP_MAX_FILE_MB', '4096'],
    ['TONGHOP_MAX_COLUMNS', '20000'],
    ['TONGHOP_MAX_CELLS_PER_TAB', 'nhiều'],
  ])('%s=%s is refused, naming the variable', (variable, value) => {
    expect(() => loadConfig({ [variable]: value })).toThrow(
      new RegExp(`^Invalid setting ${variable}: .*Fix or unset it\\.$`),
    );
  });
});
