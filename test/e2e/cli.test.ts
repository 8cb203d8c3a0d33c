import { localizePlan } from '../../functions/src/domain/plans/district-placeholders.js';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clearEmulatorProject } from '../../functions/src/adapters/store/emulator.js';
import { importDataDir } from '../support/emulator-import.js';
import { emulatorHost } from '../support/firestore.js';
import { runCli } from '../support/cli.js';
import { builtinForm } from '../support/forms.js';
import { writeControlWorkbook } from '../../functions/src/adapters/workbook/write-control-workbook.js';
import { readControlWorkbook } from '../../functions/src/adapters/workbook/read-control-workbook.js';
import { loadBuiltinForms } from '../../functions/src/adapters/catalog/builtin-forms.js';
import { listOutbox } from '../../functions/src/adapters/mail/outbox-mailer.js';
import { buildDemoDistrict, DEMO_NOW, DEMO_SETTINGS } from '../../functions/src/demo/demo-district.js';
import { STAGE_LABELS } from '../../functions/src/domain/notices/notice-kinds.js';
import { formatIctDate } from '../../functions/src/domain/time/ict.js';
import { openWorkbook, sheetOf } from '../support/workbooks.js';
import { branchSummariesOf } from '../support/branch-summary-leaks.js';
import { demoIntake, SHARED_BOOK_FILE, SHARED_BOOK_TAB } from '../../functions/src/demo/demo-intake.js';
import { STANDING_TAB } from '../../functions/src/domain/feedback/unit-feedback.js';
import { documentXml, textOf } from '../support/docx-text.js';
import { useTempDir } from '../support/builders.js';
import { demoBranchReport } from '../../functions/src/demo/demo-branch-report.js';
import { branchSummaryPath } from '../../functions/src/adapters/workbook/branch-summary-workbooks.js';
import { branchUnits, orgTree, subtreeIds } from '../../functions/src/domain/units/org-tree.js';

/**
 * The demo's finance desk: the summary's Kinh phí tab shows còn nợ per school, only the one school that paid for one person
 * fewer owing 1.900.000 đ, and the 7g30 13/09/2024 notice run sent it, and only it, one "[Nhắc đóng kinh phí]" mail.
 */
async function expectFinanceDesk(demoDir: string): Promise<void> {
  const district = buildDemoDistrict((await loadBuiltinForms()).map((form) => localizePlan(form, DEMO_SETTINGS)));
  const owing = district.units.find((u) => u.id === district.finance.owingUnitId);
  expect(owing).toBeDefined();
  const rows: unknown[][] = [];
  sheetOf(await openWorkbook(path.join(demoDir, 'tong-hop-bao-cao.xlsx')), 'Kinh phí').eachRow(
    (row) => void rows.push((row.values as unknown[]).slice(1, 6)),
  );
  const body = rows.slice(rows.findIndex((r) => r[0] === 'Đơn vị') + 1);
  const schools = body.filter((r) => r[0] !== 'Tổng cộng' && typeof r[1] === 'number');
  const nameOf = (id: string) => district.units.find((u) => u.id === id)?.name;
  expect(schools.map((r) => r[0]).sort()).toEqual(district.finance.accounts.map((a) => nameOf(a.unitId)).sort());
  // Owing first: the one school, then every other at 0 (Đơn vị, Số người, Phải nộp, Đã nộp, Còn nợ).
  const account = district.finance.accounts.find((a) => a.unitId === owing?.id);
  expect(schools[0]).toEqual([owing?.name, account?.registered, account?.owed, account?.paid, 1_900_000]);
  expect(schools.slice(1).every((r) => r[4] === 0)).toBe(true);
  const outbox = await listOutbox(path.join(demoDir, 'outbox'));
  const reminders = outbox.filter((m) => m.subject.startsWith('[Nhắc đóng kinh phí]'));
  expect(reminders).toHaveLength(1);
  expect(reminders[0]?.subject).toContain('còn nợ 1.900.000 đ');
  expect(reminders[0]?.to).toContain(owing?.contacts[0]?.email);
}

/**
 * The demo's final morning: its escalations go out at DEMO_NOW, before the summary is built, so the summary's Quá hạn
 * tab already names them in its "Đã nhắc" column.
 */
async function expectFinalMorningInSummary(demoDir: string): Promise<void> {
  const reminded: string[] = [];
  sheetOf(await openWorkbook(path.join(demoDir, 'tong-hop-bao-cao.xlsx')), 'Quá hạn').eachRow((row) =>
    row.eachCell((cell) => void reminded.push(String(cell.value))),
  );
  const escalatedToday = `${STAGE_LABELS.escalation} ${formatIctDate(DEMO_NOW)}`;
  expect(
    reminded.some((text) => text.includes(escalatedToday)),
    `no "${escalatedToday}" in Quá hạn`,
  ).toBe(true);
}

/**
 * The demo's review story: one early training registration sent back ("Cần bổ sung" with a comment), fixed by the
 * school, then approved — one "[Duyệt báo cáo]" mail per decision to the school, and "Đã duyệt" in the summary.
 */
async function expectReviewStory(demoDir: string): Promise<void> {
  const district = buildDemoDistrict((await loadBuiltinForms()).map((form) => localizePlan(form, DEMO_SETTINGS)));
  const unit = district.units.find((u) => u.id === district.review?.unitId);
  expect(unit).toBeDefined();
  const mails = (await listOutbox(path.join(demoDir, 'outbox'))).filter(
    (m) => m.subject.startsWith('[Duyệt báo cáo]') && m.subject.includes('tập huấn'),
  );
  expect(mails.map((m) => m.subject.split(' — ')[0])).toEqual([
    '[Duyệt báo cáo] Cần bổ sung',
    '[Duyệt báo cáo] Đã duyệt',
  ]);
  for (const mail of mails) expect(mail.to).toContain(unit?.contacts.find((c) => c.email)?.email);
  const rows: string[][] = [];
  sheetOf(await openWorkbook(path.join(demoDir, 'tong-hop-bao-cao.xlsx')), 'Duyệt báo cáo').eachRow(
    (row) => void rows.push((row.values as unknown[]).slice(1).map((v) => String(v ?? ''))),
  );
  const header = rows.find((r) => r.includes('Mã báo cáo')) ?? [];
  const row = rows.find((r) => r[header.indexOf('Mã báo cáo')] === `tap-huan-2024~mot-lan~${unit?.id}`);
  expect(row?.[header.indexOf('Kết quả duyệt')]).toBe('Đã duyệt');
}

/** The "Duyệt báo cáo" tab's reports of a summary workbook: each row's cells by header. */
async function reviewRowsOf(file: string): Promise<Record<string, string>[]> {
  const rows: string[][] = [];
  sheetOf(await openWorkbook(file), 'Duyệt báo cáo').eachRow(
    (row) => void rows.push((row.values as unknown[]).slice(1).map((v) => String(v ?? ''))),
  );
  const header = rows.find((r) => r.includes('Mã báo cáo')) ?? [];
  return rows
    .slice(rows.indexOf(header) + 1)
    .filter((r) => r[header.indexOf('Mã báo cáo')])
    .map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ''])));
}

/**
 * Each cơ sở Đoàn reviews its chi đoàn from its own summary: its "Duyệt báo cáo" lists the chi đoàn report of every
 * chi đoàn under it that sent one, and no other unit's report; the one it approved shows its decision, and that chi
 * đoàn got one "[Duyệt báo cáo] Đã duyệt" mail.
 */
async function expectBranchReviews(demoDir: string): Promise<void> {
  const district = buildDemoDistrict((await loadBuiltinForms()).map((form) => localizePlan(form, DEMO_SETTINGS)));
  const story = demoBranchReport(district, (spec) => localizePlan(spec, DEMO_SETTINGS));
  const outbox = await listOutbox(path.join(demoDir, 'outbox'));
  const tree = orgTree(district.units);
  const branches = branchUnits(district.units, tree);
  expect(branches).toHaveLength(2);
  for (const branch of branches) {
    const under = subtreeIds(tree, branch.id);
    under.delete(branch.id);
    const rows = await reviewRowsOf(branchSummaryPath(demoDir, branch.id));
    const unitIds = rows.map((r) => r['Mã báo cáo']?.split('~').at(-1) ?? '');
    expect(unitIds.length, `${branch.id}'s review tab`).toBeGreaterThanOrEqual(2);
    expect(
      unitIds.filter((id) => !under.has(id)),
      `${branch.id} reviews only its chi đoàn`,
    ).toEqual([]);
    expect(unitIds.sort()).toEqual(
      story.sends
        .filter((s) => under.has(s.unitId))
        .map((s) => s.unitId)
        .sort(),
    );
    const decision = story.decisions.find((d) => d.branchId === branch.id);
    const decided = rows.find((r) => r['Mã báo cáo'] === `${story.spec.id}~mot-lan~${decision?.unitId}`);
    expect(decided).toMatchObject({
      'Kết quả duyệt': `Đã duyệt (${branch.name})`,
      'Quyết định': 'Đã duyệt',
      'Nhận xét': decision?.comment,
    });
    expect(rows.filter((r) => r['Kết quả duyệt'] === 'Chờ duyệt').length).toBe(rows.length - 1);
    const unit = district.units.find((u) => u.id === decision?.unitId);
    const mails = outbox.filter((m) => m.subject.startsWith('[Duyệt báo cáo]') && m.subject.includes(story.spec.title));
    expect(mails.filter((m) => m.to.includes(unit?.contacts.find((c) => c.email)?.email ?? '-'))).toHaveLength(1);
  }
}

/**
 * Issue 14's ways of sending, as the demo shows them: a cơ sở Đoàn submitted its "Bấm nộp" tab and then edited it
 * (the submitted 2 rows count, "Tình hình nộp" shows the draft); one shared responses workbook with an "Đơn vị"
 * column is routed to its schools, and the row naming a school the district does not have is refused with the closest names.
 */
async function expectIntakeStories(demoDir: string, result: { standing: { formId: string }[] }): Promise<void> {
  const district = buildDemoDistrict((await loadBuiltinForms()).map((form) => localizePlan(form, DEMO_SETTINGS)));
  const { explicit, shared } = demoIntake(district, (spec) => localizePlan(spec, DEMO_SETTINGS));
  const unit = district.units.find((u) => u.id === explicit.unitId);
  const file = await openWorkbook(path.join(demoDir, 'units', unit?.source ?? ''));
  const standing: unknown[][] = [];
  sheetOf(file, STANDING_TAB).eachRow((row) => void standing.push((row.values as unknown[]).slice(1)));
  const line = standing.find((r) => r[0] === explicit.spec.tab);
  expect(line?.[3]).toBe('✓ Đủ, đúng hạn');
  expect(String(line?.[4])).toContain('Bản nháp chưa nộp: sửa lúc 20:40 22/09/2024');
  // The snapshot counts (2 rows), not the 3 rows the draft has.
  expect(line?.[5]).toBe(explicit.submittedRows.length);
  expect(explicit.draftRows.length).toBe(explicit.submittedRows.length + 1);
  expect(sheetOf(file, explicit.spec.tab).getCell(1, explicit.spec.columns.length + 1).value).toBe(
    'Đã nộp lúc 10:15 22/09/2024',
  );
  expect(result.standing.find((s) => s.formId === explicit.spec.id)).toMatchObject({ onTime: 1 });

  const answers: string[][] = [];
  sheetOf(await openWorkbook(path.join(demoDir, 'units', SHARED_BOOK_FILE)), SHARED_BOOK_TAB).eachRow(
    (row) => void answers.push((row.values as unknown[]).slice(1).map((v) => String(v ?? ''))),
  );
  const status = answers[0]?.length ? answers.map((r) => r[shared.header.length] ?? '') : [];
  const refused = status.filter((s) => s.includes(`không có đơn vị nào tên '${shared.strangerName}'; tên gần nhất: '`));
  expect(refused).toHaveLength(1);
  // Every other answer went to a school, each of which was asked and registered on time (rows carry their own time).
  expect(status.slice(1).filter((s) => s.startsWith('✓ Hợp lệ'))).toHaveLength(shared.rows.length - 1);
  expect(result.standing.find((s) => s.formId === shared.spec.id)).toMatchObject({
    expected: shared.unitIds.length,
    onTime: shared.unitIds.length,
    missing: 0,
  });
}

/**
 * Seed 002's weekly report to the Ban Thường vụ, for the plan's last week (2022-W52): in each of its four weeks at least
 * half the cơ sở Đoàn met "≥ 1 hoạt động với 100 % đoàn viên", and the .docx the demo names says so.
 */
async function expectWeeklyStory(
  demoDir: string,
  weekly: { docx: string; weekId: string; meetingByWeek: { meeting: number; expected: number }[] },
): Promise<void> {
  expect(weekly).toMatchObject({
    docx: path.join(demoDir, 'Bao-cao-tuan-30-phut-bao-cao-2022-W52.docx'),
    weekId: '2022-W52',
  });
  expect(weekly.meetingByWeek).toHaveLength(4);
  for (const week of weekly.meetingByWeek) {
    // Of 9 (the second branch's ward meets it): one never sent, one stopped after 06/2022, one misses the target; a
    // short week now and then.
    expect(week.expected).toBe(9);
    expect(week.meeting).toBeGreaterThanOrEqual(4);
  }
  const text = textOf(await documentXml(await readFile(weekly.docx)));
  expect(text).toContain('tuần 52/2022 (26/12/2022 – 01/01/2023)');
  expect(text).toContain('CƠ SỞ ĐOÀN CHƯA ĐẠT TRONG TUẦN');
}

/**
 * The CLI as a newcomer runs it, in-process with a temp data folder: `npm start` (the demo) with its
 * embedded Firestore, an emulator started from, and saved to, the data folder; then the other
 * commands on what the demo saved. The demo's history replay is the slow part, so it runs once.
 */
describe('tonghop CLI', () => {
  const home = useTempDir('tonghop-cli');
  /** The embedded default: no FIRESTORE_EMULATOR_HOST. */
  let embedded: NodeJS.ProcessEnv;
  const projectId = `demo-cli-${randomBytes(4).toString('hex')}`;

  beforeAll(async () => {
    embedded = {
      PATH: process.env.PATH,
      TONGHOP_HOME: home(),
      TONGHOP_PROJECT_ID: projectId,
    };
  });

  it('demo creates a sample district, sweeps it, accounts for every row and saves the data in the data folder', async () => {
    const run = await runCli(['--json', 'demo'], embedded);
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout);
    expect(result.created).toBe(true);
    // 41 units, Hội đồng Đội's two books, the finance desk's receipts book and the shared registration workbook, read as
    // shared sources. The second cơ sở Đoàn with chi đoàn (demo-second-branch.ts) adds 5 units, one of which (Khu phố 4)
    // never sends.
    expect(result.totals).toMatchObject({ units: 45, unitsMissing: 4, unitsUnreadable: 1, unitsRead: 40 });
    expect(result.totals.rowsRead).toBe(result.totals.rowsValid + result.totals.rowsRejected);
    expect(result.totals.rowsRejected).toBeGreaterThan(0);
    expect(result.totals.submissionsWritten).toBeGreaterThan(0);
    expect(result.sweepId).toEqual(expect.any(String));
    // The summary workbook and the units' row statuses come with the demo.
    expect(result.summary).toMatchObject({
      written: true,
      location: path.join(home(), 'demo', 'tong-hop-bao-cao.xlsx'),
    });
    expect(result.feedback.unitsWritten).toBe(36);
    expect(result.standing.find((s: { formId: string }) => s.formId === 'tap-huan-2024')).toMatchObject({
      expected: 20,
      missing: 2,
    });
    // The plan issued on 19/09/2024 (rows added to the control): 3 Liên đội sent it on time, the other Liên đội that
    // have a readable file got its blank tab from the final sweep.
    expect(result.standing.find((s: { formId: string }) => s.formId === 'ke-hoach-nho-dot-1-2024')).toMatchObject({
      expected: 20,
      missing: 17,
      onTime: 2,
    });
    // The plan the cơ sở Đoàn fill about their chi đoàn: owed by the two with chi đoàn, not by the chi đoàn; one sent
    // it in full, the other with a row naming a chi đoàn not under it (refused), both before its deadline.
    expect(
      result.standing.find((s: { formId: string }) => s.formId === 'kiem-tra-sinh-hoat-chi-doan-thang-9-2024'),
    ).toMatchObject({
      expected: 2,
      missing: 0,
    });
    // And the "Bấm nộp" plan's blank tab went to the other cơ sở Đoàn of its khối that have a readable file.
    expect(result.feedback.tabsAdded.map((t: { formIds: string[] }) => t.formIds)).toEqual([
      ...Array(15).fill(['ke-hoach-nho-dot-1-2024']),
      ...Array(3).fill(['chu-nhat-xanh-thang-9-2024']),
    ]);
    // The outbox holds the notices of the replayed days and of the demo's final morning.
    const outbox = (await readdir(path.join(home(), 'demo', 'outbox'))).join('\n');
    for (const stage of ['reminder', 'due', 'overdue', 'escalation', 'digest']) expect(outbox).toContain(stage);
    await expectFinalMorningInSummary(path.join(home(), 'demo'));
    const units = await readdir(path.join(home(), 'demo', 'units'));
    // The unit files as before (37 with the second branch's 4), Hội đồng Đội's two books, the finance desk's receipts
    // book and the shared registration workbook.
    expect(units).toHaveLength(41);
    expect(units).toEqual(expect.arrayContaining(['diem-danh-tap-huan.xlsx', 'kiem-tra-cong-tac-doi.xlsx']));
    expect(units).toContain('thu-kinh-phi.xlsx');
    expect(units).toContain(SHARED_BOOK_FILE);
    await expectIntakeStories(path.join(home(), 'demo'), result);
    await expectFinanceDesk(path.join(home(), 'demo'));
    // The two-level tree: each of the two cơ sở Đoàn with chi đoàn gets its own summary, holding its subtree and no other unit.
    const branches = await branchSummariesOf(path.join(home(), 'demo'));
    expect(result.branchSummaries).toEqual(
      branches.map((b) => ({
        unitId: b.unitId,
        written: true,
        location: path.join(home(), 'demo', `tong-hop-${b.unitId}.xlsx`),
      })),
    );
    expect(branches.map((b) => b.unitId).sort()).toEqual(['csd-ubnd-cau-ong-lanh', 'csd-ubnd-da-kao']);
    for (const b of branches) {
      expect(b.inside.length).toBeGreaterThanOrEqual(4);
      for (const own of b.inside) expect(b.cells).toContain(own);
      for (const other of b.outside) expect(b.cells, `${other} in ${b.unitId}'s summary`).not.toContain(other);
    }
    await expectReviewStory(path.join(home(), 'demo'));
    await expectBranchReviews(path.join(home(), 'demo'));
    await expectWeeklyStory(path.join(home(), 'demo'), result.weeklyReport);
    // The sample mailbox: a unit re-sending its file, a zipped file, a stranger; each answered once.
    expect(
      result.mailbox.result.messages.map((m: { result: string; reply: string }) => `${m.result}/${m.reply}`),
    ).toEqual(['ingested/sent', 'nothing-readable/sent', 'unknown-sender/sent']);
    expect(outbox).toContain('mailbox~');
    // Not a terminal: progress comes as plain lines on stderr.
    expect(run.stderr).toContain('Đang đọc tệp của các đơn vị: 41/41');
    expect(run.stderr).toContain('Đang ghi tình trạng từng dòng: 36/36');
    // Embedded: the emulator's data was exported to the data folder before it stopped.
    expect(await readdir(path.join(home(), 'firestore'))).toContainEqual(expect.stringMatching(/^export-/));
    // A bound, not a measurement: the replay takes about 3 minutes on the shared 2-core machine.
  }, 420_000);

  it('demo again, with a new embedded emulator, keeps the data between runs: it writes nothing', async () => {
    const json = JSON.parse((await runCli(['--json', 'demo'], embedded)).stdout);
    expect(json).toMatchObject({
      created: false,
      sweepId: null,
      totals: { writes: 0, submissionsWritten: 0, unitsUnchanged: 45 },
      stats: { written: 0 },
      summary: { written: false },
      feedback: { unitsWritten: 0 },
    });
    expect(json.mailbox.result.messages).toEqual([]);
    expect(json.notify.result.outcomes.filter((o: { result: string }) => o.result === 'sent')).toEqual([]);
    expect(json.notify.result.digest.result).toBe('already-sent');
  }, 120_000);

  /**
   * The other commands, against the demo's saved data loaded into the shared test emulator under the demo's project id
   * (FIRESTORE_EMULATOR_HOST), so no run needs an emulator start: the two above proved the embedded one.
   */
  describe('on the data the demo saved', () => {
    let env: NodeJS.ProcessEnv;

    beforeAll(async () => {
      await importDataDir(emulatorHost(), projectId, path.join(home(), 'firestore'));
      env = { ...embedded, FIRESTORE_EMULATOR_HOST: emulatorHost() };
    });
    afterAll(async () => {
      await clearEmulatorProject(emulatorHost(), projectId);
    });

    it('demo again says nothing changed', async () => {
      const text = await runCli(['demo'], env);
      expect(text.stdout).toContain('Không có gì thay đổi kể từ lần quét trước: không ghi gì vào Firestore.');
      expect(text.stdout).toContain('Dùng lại khu vực mẫu đã có');
      expect(text.stdout).toContain('npx tonghop inspect');
      // Nothing was sent: the outbox is counted, not listed again.
      const outboxSize = (await readdir(path.join(home(), 'demo', 'outbox'))).length;
      expect(text.stdout).toMatch(
        new RegExp(`Hộp thư đi \\(.*\\): 0 thư của lần chạy này\\.\\n  … và ${outboxSize} thư của các lần trước\\.`),
      );
      expect(text.stdout).not.toMatch(/\.eml →/);
      // The terminal points to each way of sending the demo shows (issue 14).
      expect(text.stdout).toContain('ghi "Bản nháp chưa nộp", thống kê vẫn dùng bản đã nộp');
      expect(text.stdout).toContain(`units/${SHARED_BOOK_FILE}`);
      expect(text.stdout).toContain('không có trong danh sách đơn vị nên không được tính');
      expect(text.stdout).toContain('hộp thư mẫu là một thư mục tệp .eml');
      // A folder outside the working folder is named whole, never as "../../tmp/…".
      expect(text.stdout).toContain(`Thư mẫu đã đọc nằm trong ${path.join(home(), 'demo', 'mailbox', 'da-xu-ly')}/`);
    }, 120_000);

    it('inspect shows what is stored after the demo has exited, with each rejected row', async () => {
      const all = JSON.parse((await runCli(['--json', 'inspect'], env)).stdout);
      const withErrors = all.submissions.find((s: { counts: { rejected: number } }) => s.counts.rejected > 0);
      expect(withErrors).toBeDefined();
      const unit = await runCli(['inspect', '--unit', withErrors.unitId], env);
      expect(unit.code).toBe(0);
      expect(unit.stdout).toMatch(/Dòng \d+, cột '/);
      expect(all.problems.map((p: { message: string }) => p.message)).toContainEqual(
        expect.stringContaining('Chưa nhận được tệp báo cáo'),
      );
      // Where each unit's data came from: files in the folder, the file the sample mailbox brought, Hội đồng Đội's two
      // books, the finance desk's receipts book and the registration link's responses (shared sheets).
      const kinds = new Set(all.sources.map((s: { kind: string | null }) => s.kind));
      expect([...kinds].filter((k) => k !== null).sort()).toEqual(['mailbox', 'shared', 'workbook']);
      expect(
        all.sources
          .filter((s: { kind: string }) => s.kind === 'shared')
          .map((s: { label: string }) => s.label)
          .sort(),
      ).toEqual([
        `Nguồn: Bảng chung '${SHARED_BOOK_FILE}'`,
        "Nguồn: Bảng chung 'diem-danh-tap-huan.xlsx'",
        "Nguồn: Bảng chung 'kiem-tra-cong-tac-doi.xlsx'",
        "Nguồn: Bảng chung 'thu-kinh-phi.xlsx'",
      ]);
      const mailed = all.sources.find((s: { kind: string }) => s.kind === 'mailbox');
      expect(mailed).toMatchObject({ unitName: expect.any(String), label: 'Nguồn: Thư điện tử' });
      const text = await runCli(['inspect', '--unit', mailed.unitId], env);
      expect(text.stdout).toContain(`Nguồn dữ liệu:\n  - ${mailed.unitName} (${mailed.unitId}): Nguồn: Thư điện tử`);
    });

    it('inspect names units and forms, and shows row values with --rows (in --json too)', async () => {
      const control = await readControlWorkbook(path.join(home(), 'demo', 'control.xlsx'));
      const training = control.plans.plans.find((p) => p.id === 'tap-huan-2024');
      const json = JSON.parse((await runCli(['--json', 'inspect', '--form', 'tap-huan-2024', '--rows'], env)).stdout);
      const submission = json.submissions.find((s: { counts: { valid: number } }) => s.counts.valid > 0);
      const unit = control.units.find((u) => u.id === submission.unitId);
      expect(submission).toMatchObject({ formName: training?.title, unitName: unit?.name });
      expect(submission.rows).toHaveLength(submission.counts.valid);
      expect(submission.rows[0]).toMatchObject({ rowNumber: expect.any(Number), values: expect.any(Object) });
      const withoutRows = JSON.parse((await runCli(['--json', 'inspect', '--unit', submission.unitId], env)).stdout);
      expect(withoutRows.submissions[0].rows).toBeUndefined();

      const text = await runCli(['inspect', '--unit', submission.unitId, '--form', 'tap-huan-2024', '--rows'], env);
      expect(text.code).toBe(0);
      expect(text.stdout).toContain(`${unit?.name} (${unit?.id})`);
      expect(text.stdout).toContain(training?.tab);
      expect(text.stdout).not.toMatch(/│ tap-huan-2024 /);
      const firstColumn = training?.columns.find((c) => c.key in submission.rows[0].values);
      expect(text.stdout).toContain(`  Dòng ${submission.rows[0].rowNumber}: ${firstColumn?.header}: `);
    });

    it('inspect says there is no such unit (or form), exit 2, instead of an empty Firestore', async () => {
      const unit = await runCli(['inspect', '--unit', 'khong-co'], env);
      expect(unit.code).toBe(2);
      expect(unit.stderr).toContain("Không có đơn vị mã 'khong-co'");
      expect(unit.stdout).not.toContain('Firestore chưa có bài nộp');
      const form = await runCli(['inspect', '--form', 'khong-co'], env);
      expect(form.code).toBe(2);
      expect(form.stderr).toContain("Không có biểu mẫu mã 'khong-co' (các mã có: ");
    });

    it('sweep reads a control workbook given on the command line', async () => {
      const run = await runCli(['--json', 'sweep', '--control', path.join(home(), 'demo', 'control.xlsx')], env);
      expect(run.code).toBe(0);
      expect(JSON.parse(run.stdout).totals.writes).toBe(0);
      // A bound, not a measurement: it reads all 41 unit files again (about 30 s on the shared 2-core machine).
    }, 120_000);

    it('notify --dry-run shows what would be sent at another instant and writes nothing', async () => {
      const before = await readdir(path.join(home(), 'demo', 'outbox'));
      const run = await runCli(
        [
          '--json',
          'notify',
          '--control',
          path.join(home(), 'demo', 'control.xlsx'),
          '--now',
          '2024-10-01T08:00:00+07:00',
          '--dry-run',
        ],
        env,
      );
      expect(run.code).toBe(0);
      const json = JSON.parse(run.stdout);
      // Everything due was already sent by the demo: the dry run explains why nothing goes out.
      expect(json.result.outcomes.filter((o: { result: string }) => o.result !== 'would-send')).toEqual([]);
      expect(json.result.suppressed.map((s: { reason: string }) => s.reason)).toContainEqual(
        expect.stringContaining('đã gửi'),
      );
      expect(await readdir(path.join(home(), 'demo', 'outbox'))).toEqual(before);
      expect(json.now).toBe('2024-10-01T01:00:00.000Z');
      const text = await runCli(
        [
          'notify',
          '--control',
          path.join(home(), 'demo', 'control.xlsx'),
          '--now',
          '2024-10-01T08:05:00+07:00',
          '--dry-run',
        ],
        env,
      );
      expect(text.stdout).toContain('Tính đến 8g05 01/10/2024 (giờ Việt Nam).');
    });

    it('notify --dry-run without --now says which instant it judged against', async () => {
      const before = new Date();
      const json = JSON.parse((await runCli(['--json', 'notify', '--dry-run'], env)).stdout);
      const after = new Date();
      const judged = new Date(json.now);
      expect(judged.getTime()).toBeGreaterThanOrEqual(before.getTime());
      expect(judged.getTime()).toBeLessThanOrEqual(after.getTime());
      const text = await runCli(['notify', '--dry-run'], env);
      expect(text.code).toBe(0);
      expect(text.stdout).toMatch(/^Tính đến \d{1,2}g\d{2} \d{2}\/\d{2}\/\d{4} \(giờ Việt Nam\)\.$/m);
    });

    it("notify lists only this run's mail, and counts the earlier ones", async () => {
      const outbox = path.join(home(), 'demo', 'outbox');
      const before = (await readdir(outbox)).length;
      const run = await runCli(
        ['notify', '--control', path.join(home(), 'demo', 'control.xlsx'), '--now', '2024-09-24T08:00:00+07:00'],
        env,
      );
      expect(run.code).toBe(0);
      const sentNow = (await readdir(outbox)).length - before;
      expect(sentNow).toBeGreaterThan(0);
      expect(run.stdout).toContain(`: ${sentNow} thư của lần chạy này.`);
      expect(run.stdout.match(/^ {2}- \d{4}-.*\.eml → /gm)).toHaveLength(sentNow);
      expect(run.stdout).toContain(`  … và ${before} thư của các lần trước.`);
    });

    it('plans check finds the demo control workbook clean and lists its plans', async () => {
      const run = await runCli(['--json', 'plans', 'check'], env);
      expect(run.code).toBe(0);
      expect(JSON.parse(run.stdout)).toMatchObject({ problems: [], closed: [] });
      // The nine catalog plans (two of them filled by the district), the finance desk's receipts plan, the one the demo
      // district issued near its "now", the two of the intake stories ("Bấm nộp" and the shared registration link), the
      // chi đoàn's September report and the cơ sở Đoàn's check of it ('Cấp trên của Chi đoàn').
      expect(JSON.parse(run.stdout).plans).toHaveLength(15);
    });

    it('plans add copies a catalog plan into a control workbook without plans; a second add keeps it; a sweep then owes it', async () => {
      const control = path.join(home(), 'moi', 'control.xlsx');
      const unit = {
        id: 'th-a',
        name: 'Liên đội TH A',
        type: 'lien-doi' as const,
        level: 'Tiểu học',
        cluster: 'Cụm 1',
        contacts: [],
        source: 'th-a.xlsx',
      };
      await writeControlWorkbook(control, {
        settings: { districtName: 'Quận Đoàn mới', officeEmail: '', contactName: '', contactPhone: '' },
        units: [unit],
        plans: [],
      });
      const before = await runCli(['--json', 'plans', 'check', '--control', control], env);
      expect(JSON.parse(before.stdout).plans).toEqual([]);
      const added = await runCli(['--json', 'plans', 'add', 'tap-huan-2024', '--control', control], env);
      expect(JSON.parse(added.stdout)).toMatchObject({ added: ['tap-huan-2024'], alreadyThere: [] });
      const again = await runCli(['--json', 'plans', 'add', 'tap-huan-2024', '--control', control], env);
      expect(JSON.parse(again.stdout)).toMatchObject({ added: [], alreadyThere: ['tap-huan-2024'] });
      const reading = await readControlWorkbook(control);
      expect(reading.problems).toEqual([]);
      expect(reading.plans.plans).toEqual([localizePlan(builtinForm('tap-huan-2024'), reading.settings)]);
      expect(reading.units).toEqual([unit]);
    });

    it('plans check names each mistake with its tab, row and column, and exits 1', async () => {
      const control = path.join(home(), 'loi', 'control.xlsx');
      const broken = { ...builtinForm('tap-huan-2024'), id: 'bao-cao-thang-10' };
      await writeControlWorkbook(control, {
        settings: { districtName: 'Quận Đoàn lỗi', officeEmail: '', contactName: '', contactPhone: '' },
        units: [],
        plans: [broken],
        forms: [{ formId: 'khong-co-cot', title: 'Thiếu cột', enabled: true }],
      });
      const run = await runCli(['plans', 'check', '--control', control], env);
      expect(run.code).toBe(1);
      expect(run.stdout).toMatch(
        /Trang 'Biểu mẫu', dòng \d+, cột 'Mã biểu mẫu': biểu mẫu 'khong-co-cot' không có cột nào ở trang 'Cột biểu mẫu'/,
      );
    });

    it('plans add refuses an id the catalog does not have, listing the ids', async () => {
      const run = await runCli(['plans', 'add', 'khong-co'], env);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain("Không có biểu mẫu mẫu mã 'khong-co'. Các mã có: ");
    });

    it('templates writes one workbook per plan of the control workbook', async () => {
      const out = path.join(home(), 'templates');
      const run = await runCli(['--json', 'templates', '--out', out], env);
      // The nine catalog plans, the receipts plan, the plan issued near "now", the two intake stories' plans, the chi
      // đoàn's September report and the cơ sở Đoàn's check of it.
      expect(JSON.parse(run.stdout).files).toHaveLength(15);
      expect((await readdir(out)).sort()).toContain('tap-huan-2024.xlsx');
    });

    it('stops before writing anything when the control has no units, or the units folder is mistyped', async () => {
      const noUnits = path.join(home(), 'rong', 'control.xlsx');
      await writeControlWorkbook(noUnits, {
        settings: { districtName: 'Quận Đoàn rỗng', officeEmail: '', contactName: '', contactPhone: '' },
        units: [],
        plans: [builtinForm('tap-huan-2024')],
      });
      const empty = await runCli(
        ['sweep', '--control', noUnits, '--units-dir', path.join(home(), 'demo', 'units')],
        env,
      );
      expect(empty.code).toBe(2);
      expect(empty.stderr).toContain('không có đơn vị nào');
      expect(await readdir(path.dirname(noUnits))).toEqual(['control.xlsx']);
      const demoControl = path.join(home(), 'demo', 'control.xlsx');
      const typo = await runCli(
        ['sweep', '--control', demoControl, '--units-dir', path.join(home(), 'demo', 'unit')],
        env,
      );
      expect(typo.code).toBe(2);
      expect(typo.stderr).toContain('Không có thư mục tệp của các đơn vị');
    });

    it('asks for --yes when the registry shrank by more than half since the last run', async () => {
      const small = path.join(home(), 'nho', 'control.xlsx');
      const demo = await readControlWorkbook(path.join(home(), 'demo', 'control.xlsx'));
      await writeControlWorkbook(small, {
        settings: demo.settings,
        units: demo.units.slice(0, 3),
        plans: [...demo.plans.plans],
      });
      const args = [
        'sweep',
        '--control',
        small,
        '--units-dir',
        path.join(home(), 'demo', 'units'),
        '--summary',
        path.join(home(), 'nho', 'tong-hop.xlsx'),
        '--now',
        '2024-09-23T08:00:00+07:00',
      ];
      const refused = await runCli(args, env);
      expect(refused.code).toBe(2);
      expect(refused.stderr).toMatch(/giảm từ 41 xuống 3 đơn vị \(hơn một nửa\).*--yes/);
      expect(await readdir(path.dirname(small))).toEqual(['control.xlsx']);
      const confirmed = await runCli([...args, '--yes'], env);
      expect(confirmed.code).toBe(0);
    });

    it('says clearly when the control workbook does not exist', async () => {
      const run = await runCli(['sweep', '--control', path.join(home(), 'khong-co.xlsx')], env);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain('Không tìm thấy bảng điều khiển');
    });

    it('refuses a non-demo project id against an emulator, naming the setting', async () => {
      const run = await runCli(['demo'], { ...env, TONGHOP_PROJECT_ID: 'real-production' });
      expect(run.code).toBe(2);
      expect(run.stderr).toContain('TONGHOP_PROJECT_ID=real-production');
    });
  });
});
