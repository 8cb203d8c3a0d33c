import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeControlWorkbook, writeUnitWorkbook } from '../../functions/src/adapters/workbook/write-templates.js';
import { watchCommand } from '../../functions/src/cli/commands/watch.js';
import { WATCH } from '../../functions/src/cli/messages.js';
import { createOutput } from '../../functions/src/cli/output.js';
import type { SweepRun } from '../../functions/src/cli/run-sweep.js';
import { loadConfig } from '../../functions/src/config.js';
import { unitSchema } from '../../functions/src/domain/units/unit.js';
import { emulatorHost, testFirestore } from '../support/firestore.js';
import { builtinForm } from '../support/forms.js';
import { useTempDir } from '../support/builders.js';

const FORM = builtinForm('tap-huan-2024');
const UNITS = ['th-a', 'th-b'].map((id) =>
  unitSchema.parse({ id, name: `Liên đội ${id}`, type: 'lien-doi', level: 'Tiểu học', source: `${id}.xlsx` }),
);
const ROW = (name: string) => [1, name, 'TPT', 'Nữ', null, '0983018027', null, null, null, null];

/** Sweeps as they finish, each awaited in turn: no sleeping, the test waits on the report itself. */
function sweepQueue(): { onSwept: (run: SweepRun) => void; next: () => Promise<SweepRun> } {
  const done: SweepRun[] = [];
  const waiting: ((run: SweepRun) => void)[] = [];
  return {
    onSwept: (run) => {
      const waiter = waiting.shift();
      if (waiter) waiter(run);
      else done.push(run);
    },
    next: () => {
      const run = done.shift();
      return run ? Promise.resolve(run) : new Promise((resolve) => waiting.push(resolve));
    },
  };
}

describe('tonghop watch', () => {
  const firestore = testFirestore('cli-watch');
  const home = useTempDir('tonghop-watch');

  beforeAll(async () => {
    await mkdir(path.join(home(), 'units'));
    const settings = { districtName: 'Quận Đoàn 1', officeEmail: '', contactName: '', contactPhone: '' };
    await writeControlWorkbook(path.join(home(), 'control.xlsx'), { settings, units: UNITS, plans: [FORM] });
    await writeUnitWorkbook(
      path.join(home(), 'units', 'th-a.xlsx'),
      'Liên đội th-a',
      [FORM],
      new Map([[FORM.id, [ROW('Nguyễn Thị Hoa')]]]),
    );
  });
  afterAll(async () => {
    await firestore.clear();
    await firestore.db.terminate();
  });

  it('sweeps once, re-sweeps when a unit saves its file (not when the system writes statuses), and stops cleanly', async () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, next) {
        lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
        next();
      },
    });
    const env = {
      PATH: process.env.PATH,
      TONGHOP_HOME: home(),
      FIRESTORE_EMULATOR_HOST: emulatorHost(),
      TONGHOP_PROJECT_ID: firestore.projectId,
    };
    const context = {
      config: loadConfig(env, home()),
      out: createOutput({ json: false, stdout: sink, stderr: sink, utf8: true }),
    };
    const sweeps = sweepQueue();
    const stop = new AbortController();
    const watching = watchCommand(
      context,
      { control: path.join(home(), 'control.xlsx') },
      { stop: stop.signal, debounceMs: 100, onSwept: sweeps.onSwept },
    );

    const first = await sweeps.next();
    expect(first.result?.totals).toMatchObject({ units: 2, unitsRead: 1, unitsMissing: 1, rowsValid: 1 });
    // The first sweep wrote row statuses into th-a.xlsx: that alone sets off no sweep, so the next one is th-b's.
    await writeUnitWorkbook(
      path.join(home(), 'units', 'th-b.xlsx'),
      'Liên đội th-b',
      [FORM],
      new Map([[FORM.id, [ROW('Trần Văn Bình'), ROW('Lê Thị Cúc')]]]),
    );
    const second = await sweeps.next();
    expect(second.result?.totals).toMatchObject({ unitsRead: 1, unitsUnchanged: 1, unitsMissing: 0, rowsValid: 2 });
    expect(lines.filter((l) => l.startsWith('Có tệp vừa thay đổi'))).toEqual([WATCH.changed('th-b.xlsx')]);

    await writeUnitWorkbook(
      path.join(home(), 'units', 'th-a.xlsx'),
      'Liên đội th-a',
      [FORM],
      new Map([[FORM.id, [ROW('Nguyễn Thị Hoa'), ROW('Phạm Văn Dũng')]]]),
    );
    const third = await sweeps.next();
    expect(third.result?.totals).toMatchObject({ unitsRead: 1, rowsValid: 2 });
    expect(lines.filter((l) => l.startsWith('Có tệp vừa thay đổi'))).toEqual([
      WATCH.changed('th-b.xlsx'),
      WATCH.changed('th-a.xlsx'),
    ]);

    stop.abort();
    await watching;
    expect(lines.at(-1)).toBe(WATCH.stopped);
    expect(lines.some((l) => l.startsWith('Đang theo dõi thư mục'))).toBe(true);
    expect(lines.some((l) => /[A-Za-z]+ing\b/.test(l) && !l.includes('xlsx'))).toBe(false);
  });
});
