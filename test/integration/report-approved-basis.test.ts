import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPORT_RENDERERS, reportFolder } from '../../functions/src/adapters/report/report-files.js';
import { FirestoreReviewStore } from '../../functions/src/adapters/store/firestore-review-store.js';
import { FirestoreSummaryStore } from '../../functions/src/adapters/store/firestore-summary-store.js';
import { rate } from '../../functions/src/domain/report/report-document.js';
import { submissionVersion } from '../../functions/src/domain/review/review-decision.js';
import type { ControlReading } from '../../functions/src/domain/units/read-control.js';
import type { Unit } from '../../functions/src/domain/units/unit.js';
import type { FormSpec } from '../../functions/src/domain/forms/form-spec.js';
import { makeReport } from '../../functions/src/jobs/report/make-report.js';
import { TRAINING_HEADER, testUnit, useTempDir } from '../support/builders.js';
import { documentXml, paragraphsOf, tablesOf } from '../support/docx-text.js';
import { testFirestore } from '../support/firestore.js';
import { builtinForm } from '../support/forms.js';
import { sweptDistrict, type TestUnitFile } from '../support/swept-district.js';
import { openWorkbook, sheetOf } from '../support/workbooks.js';

/*
 * `tonghop report` for a plan counted on approved reports: two schools sent the training registration in full,
 * the district approved one. The figures, the .docx and the .xlsx count 1 of 2 and say "đã duyệt"; the same
 * plan reported on the submitted basis counts 2 of 2.
 */

const TAP_HUAN = builtinForm('tap-huan-2024');
const NOW = new Date('2024-09-23T01:00:00Z');
const school = (id: string, name: string): Unit => testUnit(id, { name, level: 'Tiểu học' });
const person = (n: number) => [n, `Người ${n}`, 'TPT', 'Nữ', null, '0983018027', null, null, null, null];
const FILES: TestUnitFile[] = [
  {
    unit: school('th-le-loi', 'Liên đội Tiểu học Lê Lợi'),
    tab: TAP_HUAN.tab,
    header: TRAINING_HEADER,
    rows: [person(1)],
    sentAt: new Date('2024-09-14T02:00:00Z'),
  },
  {
    unit: school('th-kim-dong', 'Liên đội Tiểu học Kim Đồng'),
    tab: TAP_HUAN.tab,
    header: TRAINING_HEADER,
    rows: [person(1)],
    sentAt: new Date('2024-09-14T02:00:00Z'),
  },
];

describe("tonghop report on a plan counted on approved reports ('Tính nộp đủ theo: Đã duyệt')", () => {
  const firestore = testFirestore('report-approved-basis');
  const dir = useTempDir('tonghop-report-approved');
  let control: ControlReading;
  let forms: readonly FormSpec[];
  const report = async (basis: 'approved' | 'submitted', folder: string) => {
    const made = await makeReport({
      store: new FirestoreSummaryStore(firestore.db),
      settings: control.settings,
      units: control.units,
      forms,
      formId: TAP_HUAN.id,
      now: NOW,
      render: REPORT_RENDERERS,
      folder: reportFolder(path.join(dir(), folder)),
      approval: { basis, decisions: new FirestoreReviewStore(firestore.db) },
    });
    if (!made.ok) throw new Error(made.reason);
    return made;
  };

  beforeAll(async () => {
    ({ control, forms } = await sweptDistrict({
      dir: dir(),
      db: firestore.db,
      settings: { districtName: 'Quận Đoàn 1', officeEmail: '', contactName: '', contactPhone: '' },
      plans: [TAP_HUAN],
      files: FILES,
      now: NOW,
    }));
    const submissions = await new FirestoreSummaryStore(firestore.db).loadSubmissions();
    const leLoi = submissions.find((s) => s.unitId === 'th-le-loi');
    if (!leLoi) throw new Error('no stored submission of th-le-loi');
    await new FirestoreReviewStore(firestore.db).saveReviewDecision(
      {
        submissionId: leLoi.id,
        formId: leLoi.formId,
        periodId: leLoi.periodId,
        unitId: leLoi.unitId,
        decision: 'approved',
        comment: '',
        by: 'Quận Đoàn',
        at: new Date('2024-09-20T02:00:00Z'),
        submissionVersion: submissionVersion(leLoi),
      },
      0,
    );
  });
  afterAll(async () => {
    await firestore.clear();
    await firestore.db.terminate();
  });

  it('counts only the approved report, in the figures (--json), the .docx and the .xlsx, labelled', async () => {
    const made = await report('approved', 'duyet');
    expect(made.figures.countedOn).toBe('approved');
    expect(made.figures.total).toMatchObject({ expected: 2, complete: 1, awaitingApproval: 1, onTime: 1, missing: 0 });
    const xml = await documentXml(await readFile(made.files.docx));
    const results = tablesOf(xml)[1] ?? [];
    expect(results[0]).toContain('Đã nộp đủ, đã duyệt');
    expect(results.at(-1)).toEqual(['Tổng cộng', '2', '1', '1', '0', '0', '0', rate(1, 2)]);
    expect(paragraphsOf(xml).join('\n')).toContain(`đã nộp đủ và được duyệt: 1 (${rate(1, 2)})`);
    const sheet = sheetOf(await openWorkbook(made.files.xlsx), 'Kết quả');
    expect(sheet.getRow(3).getCell(1).text).toContain('nộp đủ tính theo đã duyệt');
  });

  it('the same plan on the submitted basis counts both reports, without the label', async () => {
    const made = await report('submitted', 'nop');
    expect(made.figures.countedOn).toBeUndefined();
    expect(made.figures.total).toMatchObject({ expected: 2, complete: 2 });
    expect(JSON.stringify(made.figures)).not.toContain('awaitingApproval');
  });
});
