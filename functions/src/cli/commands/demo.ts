import { rm } from 'node:fs/promises';
import path from 'node:path';
import { loadBuiltinForms } from '../../adapters/catalog/builtin-forms.js';
import { formatIctDateTime } from '../../domain/time/ict.js';
import { buildDemoDistrict, DEMO_NOW } from '../../jobs/demo/demo-district.js';
import { CONTROL_FILE, demoDistrictWritten, writeDemoDistrict, type WrittenDemoDistrict } from '../../jobs/demo/write-demo-district.js';
import { embeddedDataDir } from '../firestore-session.js';
import { defaultSummaryPath, runWorkbookSweep } from '../run-sweep.js';
import { printSweepReport, sweepRunJson } from '../sweep-report.js';
import type { CommandContext } from './context.js';

/**
 * `tonghop demo`: a sample district on local workbooks. The first time, its history of sends
 * (years of reports, each at its own date) is replayed through the sweep so on-time and late
 * are real; then the whole district is swept, summarized and given its row statuses, at a
 * fixed demo date. Afterwards it only sweeps what changed.
 */
export async function demoCommand({ config, out }: CommandContext, opts: { reset: boolean }): Promise<void> {
  const dir = path.join(config.home, 'demo');
  const controlPath = path.join(dir, CONTROL_FILE);
  if (opts.reset && config.firestoreMode === 'embedded') await rm(embeddedDataDir(config), { recursive: true, force: true });
  const fresh = opts.reset || !(await demoDistrictWritten(dir));
  const forms = await loadBuiltinForms();
  const district = buildDemoDistrict(forms);
  let written: WrittenDemoDistrict | undefined;

  const run = await runWorkbookSweep({
    config,
    out,
    controlPath,
    now: DEMO_NOW,
    prepare: async (sweepUnitsAt) => {
      if (!fresh) return;
      const progress = out.progress('Replaying the sample district history', 1);
      written = await writeDemoDistrict(dir, district, {
        reset: opts.reset,
        onProgress: (done, total) => progress.tick(Math.min(done, total)),
        sweepAt: async (unitIds, at) => {
          const units = district.units.filter((u) => unitIds.includes(u.id));
          await sweepUnitsAt(units, forms, at);
        },
      });
      progress.stop();
    },
  });

  if (out.json) {
    out.printJson({ demoDir: dir, created: written?.created ?? false, controlPath, unitsDir: run.unitsDir, demoNow: DEMO_NOW.toISOString(), ...sweepRunJson(run) });
    return;
  }
  const relative = (p: string) => {
    const rel = path.relative(process.cwd(), p);
    return rel === '' ? '.' : rel.startsWith('..') ? p : rel;
  };
  out.print(
    written?.created
      ? `Đã tạo khu vực mẫu "${district.settings.districtName}" (${district.units.length} đơn vị) trong ${relative(dir)}, mô phỏng các lần gửi báo cáo từ năm 2014 đến ngày ${formatIctDateTime(DEMO_NOW)}.`
      : `Dùng lại khu vực mẫu đã có trong ${relative(dir)} (tạo lại: npx tonghop demo --reset).`,
  );
  out.print(`Ngày giờ của bản mẫu: ${formatIctDateTime(DEMO_NOW)} (mọi hạn nộp được tính theo mốc này).`);
  printSweepReport(out, run);
  out.print('');
  out.print('Xem tiếp:');
  out.print(`  - Bảng tổng hợp cho Quận Đoàn: ${relative(defaultSummaryPath(controlPath))}`);
  out.print(`  - Bảng điều khiển (danh sách đơn vị): ${relative(controlPath)}`);
  out.print(`  - Bảng tính của từng đơn vị (có cột "Tình trạng" và trang "Tình hình nộp"): ${relative(run.unitsDir)}/`);
  out.print(`  - Dữ liệu đã lưu: ${run.firestore}; xem bằng "npx tonghop inspect" (lọc: --unit <mã đơn vị>, --form <mã biểu mẫu>, --json)`);
  out.print('  - Chạy lại "npm start": chỉ đọc tệp đã thay đổi; không có gì mới thì không ghi gì.');
}
