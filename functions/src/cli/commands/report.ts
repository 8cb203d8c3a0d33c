import path from 'node:path';
import { openConfiguredDistrict } from '../../app/open-district.js';
import { REPORT_RENDERERS, reportFolder } from '../../adapters/report/report-files.js';
import { FirestoreReviewStore } from '../../adapters/store/firestore-review-store.js';
import { FirestoreSummaryStore } from '../../adapters/store/firestore-summary-store.js';
import { planReviewsOf } from '../../app/plan-reviews-of.js';
import { formatVietnameseNumber as n } from '../../domain/cells/number-format.js';
import { UsageError } from '../usage-error.js';
import { rate, reportSubject } from '../../domain/report/report-document.js';
import { makeReport } from '../../jobs/report/make-report.js';
import { withFirestore } from '../firestore-session.js';
import { controlWorkbookPath, type CommandContext } from './context.js';
import { weeklyReportCommand } from './weekly-report.js';

export interface ReportCommandOptions {
  readonly form?: string;
  /** The weekly digest to the Ban Thường vụ instead (weekly-report.ts). */
  readonly weekly?: boolean;
  /** ISO week of the weekly digest, '2024-W38'. */
  readonly week?: string;
  readonly period?: string;
  readonly out?: string;
  readonly control?: string;
  readonly now?: Date;
}

/**
 * `tonghop report --form <id>`: the report to the level above for one plan and period
 * (Bao-cao-<form>-<period>.docx and the .xlsx export). Opens the district through app/open-district
 * (the control sheet) and reads Firestore through FirestoreSummaryStore; writes nothing there.
 * An unknown form or period is a UsageError (exit 2).
 */
export async function reportCommand(context: CommandContext, opts: ReportCommandOptions): Promise<number> {
  if (opts.weekly) return weeklyReportCommand(context, opts);
  if (opts.week)
    throw new UsageError(
      '--week chỉ dùng với --weekly (báo cáo tuần), ví dụ: tonghop report --weekly --week 2024-W38.',
    );
  const { form } = opts;
  if (!form)
    throw new UsageError('Thiếu --form <mã biểu mẫu> (xem: tonghop plans list), hoặc dùng --weekly cho báo cáo tuần.');
  const { config, out } = context;
  const made = await withFirestore(config, out, async (session) => {
    const district = await openConfiguredDistrict(config, session.db, opts.control ? { control: opts.control } : {});
    const { control } = district;
    const dir =
      opts.out ?? (config.source === 'workbook' ? path.dirname(controlWorkbookPath(config, opts.control)) : '.');
    const value = await makeReport({
      store: new FirestoreSummaryStore(session.db),
      settings: control.settings,
      units: control.units,
      forms: district.forms,
      formId: form,
      ...(opts.period ? { periodId: opts.period } : {}),
      now: opts.now ?? new Date(),
      render: REPORT_RENDERERS,
      folder: reportFolder(dir),
      approval: {
        basis: planReviewsOf(control).basis.get(form) ?? 'submitted',
        decisions: new FirestoreReviewStore(session.db),
      },
    });
    return { value, writes: 0 };
  });
  // An unknown form or period is a usage error (exit 2), as for `inspect`.
  if (!made.ok) throw new UsageError(made.reason);
  const { figures, files } = made;
  if (out.json) {
    out.printJson({ ok: true, files, figures });
    return 0;
  }
  const t = figures.total;
  out.print(`${reportSubject(figures)}:`);
  const complete = figures.countedOn ? 'đã nộp đủ và được duyệt' : 'đã nộp đủ';
  out.print(
    `  Phải nộp ${n(t.expected)}, ${complete} ${n(t.complete)} (${rate(t.complete, t.expected)}), đúng hạn ${n(t.onTime)}, trễ hạn ${n(t.late)}, chưa đạt ${n(t.partial)}, chưa nộp ${n(t.missing)}.`,
  );
  out.print(`Văn bản báo cáo (mở bằng Word hoặc LibreOffice, điền số và ký): ${files.docx}`);
  out.print(`Số liệu để gửi cấp trên (bảng tính theo mẫu cố định, cấp thành phố tổng hợp được): ${files.xlsx}`);
  return 0;
}
