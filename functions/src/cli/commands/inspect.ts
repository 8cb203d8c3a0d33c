import Table from 'cli-table3';
import type { Firestore } from '@google-cloud/firestore';
import { openConfiguredDistrict } from '../../app/open-district.js';
import type { Config } from '../../config.js';
import { COLLECTIONS } from '../../adapters/store/firestore-sweep-store.js';
import type { FormSpec } from '../../domain/forms/form-spec.js';
import { periodLabel } from '../../domain/periods/period-id.js';
import { formatVietnameseNumber as n } from '../../domain/cells/number-format.js';
import { openFirestore } from '../firestore-session.js';
import type { Output } from '../output.js';
import { COMPACT_TABLE } from '../table-style.js';
import type { CommandContext } from './context.js';

const MAX_REJECTED_LINES = 30;

/** The control sheet's plans, for their names; none when the control cannot be read (ids are shown instead). */
async function plansOfControl(config: Config, db: Firestore): Promise<readonly FormSpec[]> {
  try {
    return (await openConfiguredDistrict(config, db)).forms;
  } catch {
    return [];
  }
}

/** `tonghop inspect`: what Firestore holds, readable after the demo or a sweep has exited. */
export async function inspectCommand({ config, out }: CommandContext, opts: { unit?: string; form?: string }): Promise<void> {
  const session = await openFirestore(config, out);
  try {
    let query = session.db.collection(COLLECTIONS.submissions).select('formId', 'periodId', 'unitId', 'counts', 'complete', 'revision', 'rejected');
    if (opts.unit) query = query.where('unitId', '==', opts.unit);
    if (opts.form) query = query.where('formId', '==', opts.form);
    const submissions = (await query.get()).docs.map((d) => ({ id: d.id, ...d.data() }) as StoredSubmission);
    const sources = await session.db.collection(COLLECTIONS.sources).get();
    const problems = sources.docs
      .filter((d) => !opts.unit || d.id === opts.unit)
      .flatMap((d) => ((d.data().problems ?? []) as { severity: string; message: string }[]).map((p) => ({ unitId: d.id, ...p })));
    if (out.json) {
      out.printJson({ submissions, problems });
      return;
    }
    printSubmissions(out, submissions, await plansOfControl(config, session.db));
    if (problems.length) {
      out.print('');
      out.print('Vấn đề của tệp/trang:');
      for (const p of problems) out.print(`  - ${p.unitId}: ${p.message}`);
    }
    const rejectedLines = submissions.flatMap((s) => s.rejected.flatMap((r) => r.errors.map((e) => `${s.unitId} · ${s.formId}: ${e.message}`)));
    if (rejectedLines.length) {
      out.print('');
      out.print(`Dòng bị từ chối (${n(rejectedLines.length)} lỗi):`);
      for (const line of rejectedLines.slice(0, MAX_REJECTED_LINES)) out.print(`  - ${line}`);
      if (rejectedLines.length > MAX_REJECTED_LINES) out.print(`  … và ${n(rejectedLines.length - MAX_REJECTED_LINES)} lỗi khác (lọc bằng --unit <mã> hoặc --form <mã>).`);
    }
  } finally {
    await session.close({ persist: false });
  }
}

interface StoredSubmission {
  id: string;
  formId: string;
  periodId: string;
  unitId: string;
  counts: { read: number; valid: number; rejected: number };
  complete: boolean;
  revision: number;
  rejected: { errors: { message: string }[] }[];
}

function printSubmissions(out: Output, submissions: StoredSubmission[], forms: readonly FormSpec[]): void {
  if (submissions.length === 0) {
    out.print('Firestore chưa có bài nộp nào (chạy `npm start` hoặc `tonghop sweep` trước).');
    return;
  }
  const table = new Table({ ...COMPACT_TABLE, head: ['Đơn vị', 'Biểu mẫu', 'Kỳ', 'Hợp lệ', 'Từ chối', 'Đủ', 'Lần sửa'] });
  const sorted = [...submissions].sort((a, b) => a.unitId.localeCompare(b.unitId) || a.formId.localeCompare(b.formId) || a.periodId.localeCompare(b.periodId));
  for (const s of sorted) {
    const form = forms.find((f) => f.id === s.formId);
    table.push([s.unitId, s.formId, form ? periodLabel(form, s.periodId) : s.periodId, n(s.counts.valid), n(s.counts.rejected), s.complete ? 'đủ' : 'chưa', n(s.revision)]);
  }
  out.print(table.toString());
  out.print(`${n(submissions.length)} bài nộp.`);
}
