import { rm } from 'node:fs/promises';
import path from 'node:path';
import { loadBuiltinForms } from '../../adapters/catalog/builtin-forms.js';
import { buildDemoDistrict } from '../../jobs/demo/demo-district.js';
import { writeDemoDistrict } from '../../jobs/demo/write-demo-district.js';
import { embeddedDataDir } from '../firestore-session.js';
import { runWorkbookSweep } from '../run-sweep.js';
import { printSweepReport } from '../sweep-report.js';
import type { CommandContext } from './context.js';

/** `tonghop demo`: a sample district on local workbooks, swept into the local Firestore. */
export async function demoCommand({ config, out }: CommandContext, opts: { reset: boolean }): Promise<void> {
  const dir = path.join(config.home, 'demo');
  if (opts.reset && config.firestoreMode === 'embedded') await rm(embeddedDataDir(config), { recursive: true, force: true });
  const district = buildDemoDistrict(await loadBuiltinForms());
  const progress = out.progress('Writing sample workbooks', district.units.length);
  const written = await writeDemoDistrict(dir, district, { reset: opts.reset, onProgress: (done) => progress.tick(done) });
  progress.stop();

  const run = await runWorkbookSweep({ config, out, controlPath: written.controlPath, unitsDir: written.unitsDir, now: new Date() });
  if (out.json) {
    out.printJson({ demoDir: dir, created: written.created, controlPath: written.controlPath, unitsDir: written.unitsDir, sweepId: run.result.sweepId ?? null, totals: run.result.totals, firestore: run.firestore });
    return;
  }
  const unitFiles = written.files.filter((f) => path.dirname(f) === written.unitsDir).length;
  const relative = (p: string) => {
    const rel = path.relative(process.cwd(), p);
    return rel === '' ? '.' : rel.startsWith('..') ? p : rel;
  };
  out.print(
    written.created
      ? `Đã tạo khu vực mẫu "${district.settings.districtName}": ${district.units.length} đơn vị, ${unitFiles} tệp của đơn vị và bảng điều khiển trong ${relative(dir)}.`
      : `Dùng lại khu vực mẫu đã có trong ${relative(dir)} (tạo lại: npx tonghop demo --reset).`,
  );
  printSweepReport(out, run);
  out.print('');
  out.print('Xem tiếp:');
  out.print(`  - Bảng điều khiển (danh sách đơn vị): ${relative(written.controlPath)}`);
  out.print(`  - Bảng tính của từng đơn vị: ${relative(written.unitsDir)}/`);
  out.print(`  - Dữ liệu đã lưu: ${run.firestore}; xem bằng "npx tonghop inspect" (lọc: --unit <mã đơn vị>, --form <mã biểu mẫu>, --json)`);
  out.print('  - Chạy lại "npm start": chỉ đọc tệp đã thay đổi; không có gì mới thì không ghi gì.');
}
