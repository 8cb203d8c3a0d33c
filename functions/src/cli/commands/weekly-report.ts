import path from 'node:path';
import { openConfiguredDistrict } from '../../app/open-district.js';
import { reportFolder, WEEKLY_RENDERERS } from '../../adapters/report/report-files.js';
import { FirestoreSummaryStore } from '../../adapters/store/firestore-summary-store.js';
import { formatVietnameseNumber as n } from '../../domain/cells/number-format.js';
import { weekTitle } from '../../domain/report/weekly-document.js';
import { makeWeeklyReport } from '../../jobs/report/make-weekly-report.js';
import { withFirestore } from '../firestore-session.js';
import { UsageError } from '../usage-error.js';
import { controlWorkbookPath, type CommandContext } from './context.js';
import type { ReportCommandOptions } from './report.js';

/**
 * `tonghop report --weekly [--week 2024-W38]`: the weekly digest to the Ban Thường vụ
 * (Bao-cao-tuan-<form>-<week>.docx and .xlsx), week-by-week coverage of the plan's weekly target.
 * Reads Firestore, writes nothing there; an unknown plan or week is a UsageError (exit 2).
 */
export async function weeklyReportCommand(
  { config, out }: CommandContext,
  opts: ReportCommandOptions,
): Promise<number> {
  const made = await withFirestore(config, out, async (session) => {
    const district = await openConfiguredDistrict(config, session.db, opts.control ? { control: opts.control } : {});
    const dir =
      opts.out ?? (config.source === 'workbook' ? path.dirname(controlWorkbookPath(config, opts.control)) : '.');
    const value = await makeWeeklyReport({
      store: new FirestoreSummaryStore(session.db),
      settings: district.control.settings,
      units: district.control.units,
      forms: district.forms,
      ...(opts.form ? { formId: opts.form } : {}),
      ...(opts.week ? { weekId: opts.week } : {}),
      now: opts.now ?? new Date(),
      render: WEEKLY_RENDERERS,
      folder: reportFolder(dir),
    });
    return { value, writes: 0 };
  });
  if (!made.ok) throw new UsageError(made.reason);
  const { coverage, files } = made;
  if (out.json) {
    out.printJson({ ok: true, files, coverage });
    return 0;
  }
  const last = coverage.weeks.at(-1);
  out.print(`Báo cáo tuần — ${coverage.formTitle}, ${last ? weekTitle(last.weekId, last.range) : coverage.weekId}:`);
  for (const [i, w] of coverage.weeks.entries()) {
    const count = coverage.meetingByWeek[i];
    out.print(
      `  ${weekTitle(w.weekId, w.range)}: ${count && count.expected ? `${n(count.meeting)}/${n(count.expected)} cơ sở Đoàn đạt` : 'ngoài thời gian kế hoạch'}`,
    );
  }
  if (coverage.notMeeting.length)
    out.print(`  Chưa đạt trong tuần: ${coverage.notMeeting.map((u) => u.name).join(', ')}.`);
  out.print(`Văn bản báo cáo Ban Thường vụ (mở bằng Word hoặc LibreOffice, điền số và ký): ${files.docx}`);
  out.print(`Số liệu từng tuần (bảng tính): ${files.xlsx}`);
  return 0;
}
