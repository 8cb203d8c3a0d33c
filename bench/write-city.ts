import { mkdir, stat, utimes } from 'node:fs/promises';
import path from 'node:path';
import { formsForUnit } from '../functions/src/domain/units/targets.js';
import { writeControlWorkbook, writeUnitWorkbook } from '../functions/src/adapters/workbook/write-templates.js';
import { unitRows, type City, type CityUnit, type UnitRows } from './city.js';

/** What was written: files, their bytes, and the rows and mistyped rows they hold. */
export interface WrittenCity {
  readonly dir: string;
  readonly unitsDir: string;
  readonly files: number;
  readonly bytes: number;
  readonly rows: number;
  readonly mistyped: number;
}

/**
 * Write the city as the demo writes a district: `control.xlsx` (units, the three forms switched on,
 * every other built-in form off) and `units/<id>.xlsx` per unit that sent its file, mtime = when it
 * sent it. The folder then also works with `tonghop sweep --control … --units-dir …`.
 */
export async function writeCity(city: City, dir: string, onUnit: (done: number) => void): Promise<WrittenCity> {
  const unitsDir = path.join(dir, 'units');
  await mkdir(unitsDir, { recursive: true });
  // The city's plans are written into its control workbook, as a district copies them from the catalog.
  await writeControlWorkbook(path.join(dir, 'control.xlsx'), {
    settings: city.settings,
    units: city.units.map((u) => u.profile.unit),
    plans: city.specs,
  });
  let files = 0;
  let bytes = 0;
  let rows = 0;
  let mistyped = 0;
  for (const cityUnit of city.units) {
    if (cityUnit.sentAt) {
      const drawn = unitRows(city, cityUnit);
      bytes += await writeUnitFile(city, unitsDir, cityUnit, drawn.rowsByFormId, cityUnit.sentAt);
      files++;
      rows += drawn.rows;
      mistyped += drawn.mistyped;
    }
    onUnit(cityUnit.index + 1);
  }
  return { dir, unitsDir, files, bytes, rows, mistyped };
}

/** The unit sends its file again, one row edited (exactly one submission changes), at `at`. */
export async function resendWithOneRowChanged(
  city: City,
  unitsDir: string,
  cityUnit: CityUnit,
  at: Date,
): Promise<void> {
  const note = `Đã bổ sung ngày ${at.getUTCDate()}/${at.getUTCMonth() + 1}/${at.getUTCFullYear()} (lần ${cityUnit.index})`;
  await writeUnitFile(city, unitsDir, cityUnit, unitRows(city, cityUnit, note).rowsByFormId, at);
}

async function writeUnitFile(
  city: City,
  unitsDir: string,
  cityUnit: CityUnit,
  rowsByFormId: UnitRows['rowsByFormId'],
  at: Date,
): Promise<number> {
  const { unit } = cityUnit.profile;
  const file = path.join(unitsDir, unit.source);
  await writeUnitWorkbook(file, unit.name, formsForUnit(city.specs, unit, []), rowsByFormId, { modifiedAt: at });
  await utimes(file, at, at);
  return (await stat(file)).size;
}
