import { isBlankCell } from '../cells/blank.js';
import { cleanText, foldAccents, foldForMatch } from '../cells/fold.js';
import { parseEmail } from '../cells/email.js';
import { parseVietnamesePhone } from '../cells/phone.js';
import { compileForm } from '../forms/compile-form.js';
import { findTab, readFormTab, type SheetTab } from '../forms/read-form-tab.js';
import { localizePlan } from '../plans/district-placeholders.js';
import { readPlanTabs, type PlanReading } from '../plans/read-plan-tabs.js';
import { readSharedSources } from '../shared/read-shared-sources.js';
import type { SharedSource } from '../shared/shared-source.js';
import {
  FEATURE_SETTINGS_LABELS,
  REPORT_SETTINGS_LABELS,
  SETTINGS_LABELS,
  SETTINGS_TAB,
  UNITS_TAB_SPEC,
} from './control-layout.js';
import { UNIT_TYPE_LABELS, unitSchema, type Unit } from './unit.js';
import { resolveUnitParents, type TypedParent } from './unit-parents.js';
import { lowerFirst } from '../cells/sentence-case.js';

export type DistrictSettings = { -readonly [K in keyof typeof SETTINGS_LABELS]: string } & {
  -readonly [K in keyof typeof REPORT_SETTINGS_LABELS]?: string;
} & { -readonly [K in keyof typeof FEATURE_SETTINGS_LABELS]?: string };

/** Whether an optional feature setting says "Có" (accents and case do not matter). */
export function settingIsOn(value: string | undefined): boolean {
  return foldForMatch(value ?? '') === 'co';
}

/** What the control workbook declares, plus Vietnamese problems for the district staff. */
export interface ControlReading {
  readonly settings: DistrictSettings;
  readonly units: readonly Unit[];
  /** The district's plans, defined in the plan tabs ("Biểu mẫu", "Cột biểu mẫu", …): the only source of forms at run time. */
  readonly plans: PlanReading;
  /** Forms collected through one shared responses sheet ("Nguồn dữ liệu" tab); absent or empty: none. */
  readonly sharedSources?: readonly SharedSource[];
  /** Every mistake in the control sheet (registry, plans, settings), in Vietnamese, naming tab and row. */
  readonly problems: readonly string[];
}

/** Contact cells are checked apart from the row: a mistyped email or phone drops that detail, never the unit. */
const CONTACT_PARSERS = { contactEmail: parseEmail, contactPhone: parseVietnamesePhone } as const;
const compiledUnits = compileForm({
  ...UNITS_TAB_SPEC,
  columns: UNITS_TAB_SPEC.columns.map((c) => (c.key in CONTACT_PARSERS ? { ...c, type: 'text' as const } : c)),
});

/** Read the control workbook's tabs: units registry, the district's plans, district settings. */
export function readControlTabs(tabs: readonly SheetTab[]): ControlReading {
  const problems: string[] = [];
  const unitsTab = findTab(tabs, UNITS_TAB_SPEC.tab);
  if (!unitsTab)
    problems.push(
      `Bảng điều khiển thiếu trang '${UNITS_TAB_SPEC.tab}' (danh sách đơn vị): chưa có đơn vị nào để tổng hợp.`,
    );
  const units = unitsTab ? readUnits(unitsTab, problems) : [];
  const plans = readPlanTabs(tabs);
  problems.push(...plans.problems.map((p) => p.message));
  const shared = readSharedSources(tabs, plans.plans);
  problems.push(...shared.problems);
  const settings = readSettings(findTab(tabs, SETTINGS_TAB), problems);
  // Plan text names the district through placeholders: filled here, so every reader sees this district's own words.
  return {
    settings,
    units,
    plans: { ...plans, plans: plans.plans.map((plan) => localizePlan(plan, settings)) },
    sharedSources: shared.sources,
    problems,
  };
}

function readUnits(tab: SheetTab, problems: string[]): Unit[] {
  const reading = readFormTab(compiledUnits, tab);
  problems.push(...reading.problems.filter((p) => p.severity === 'error').map((p) => p.message));
  for (const row of reading.rejected)
    problems.push(...row.errors.map((e) => `Trang '${tab.name}', ${lowerFirst(e.message)}`));
  const typeByLabel = new Map(Object.entries(UNIT_TYPE_LABELS).map(([type, label]) => [label, type]));
  const units: Unit[] = [];
  const seen = new Set<string>();
  const rowOfSource = new Map<string, { unitId: string; rowNumber: number }>();
  const typedParents: TypedParent[] = [];
  for (const row of reading.valid) {
    const v = row.values;
    const id = unitIdOf(String(v.id));
    if (id === '') {
      problems.push(
        `Trang '${tab.name}', dòng ${row.rowNumber}: mã đơn vị '${String(v.id)}' không có chữ hoặc số nào; hãy đặt mã như th-luong-the-vinh.`,
      );
      continue;
    }
    if (seen.has(id)) {
      problems.push(
        `Trang '${tab.name}', dòng ${row.rowNumber}: mã đơn vị '${String(v.id)}' bị trùng với một dòng phía trên; dòng này bị bỏ qua.`,
      );
      continue;
    }
    const source = typeof v.source === 'string' && v.source.trim() !== '' ? v.source.trim() : `${id}.xlsx`;
    const sharedWith = rowOfSource.get(sourceKey(source));
    if (sharedWith) {
      problems.push(
        `Trang '${tab.name}', dòng ${row.rowNumber}: tệp báo cáo '${source}' đã được dùng cho đơn vị '${sharedWith.unitId}' (dòng ${sharedWith.rowNumber}); mỗi đơn vị cần một tệp riêng, nên dòng này bị bỏ qua. Hãy sửa cột 'Tệp báo cáo'.`,
      );
      continue;
    }
    seen.add(id);
    rowOfSource.set(sourceKey(source), { unitId: id, rowNumber: row.rowNumber });
    const where = `Trang '${tab.name}', dòng ${row.rowNumber}`;
    const email = contactDetail(v.contactEmail, 'contactEmail', where, problems);
    const phone = contactDetail(v.contactPhone, 'contactPhone', where, problems);
    const hasContact = v.contactName !== undefined || email !== undefined || phone !== undefined;
    const contact = hasContact ? [{ name: String(v.contactName ?? ''), email, phone }] : [];
    const unit = unitSchema.safeParse({
      id,
      name: v.name,
      ...aliasesOf(v.aliases),
      type: typeByLabel.get(String(v.type)),
      level: v.level ?? '',
      cluster: v.cluster ?? '',
      contacts: contact,
      members: v.members,
      // Blank: the workbook named after the unit, or (Google) not provisioned yet.
      source,
      activeFrom: v.activeFrom,
      activeTo: v.activeTo,
    });
    if (unit.success) {
      units.push(unit.data);
      if (v.parent !== undefined && cleanText(String(v.parent)) !== '')
        typedParents.push({ unitId: id, typed: cleanText(String(v.parent)), rowNumber: row.rowNumber });
    } else
      problems.push(
        `Trang '${tab.name}', dòng ${row.rowNumber}: thông tin đơn vị chưa hợp lệ (${unit.error.issues.map((i) => i.path.join('.')).join(', ')}).`,
      );
  }
  // Parents are resolved once every unit is known: a chi đoàn may be listed above its cơ sở Đoàn.
  const tree = resolveUnitParents(units, typedParents, tab.name);
  problems.push(...tree.problems);
  return tree.units;
}

/** A contact cell checked on its own: a bad value becomes a problem and is left out, the unit stays. */
function contactDetail(
  value: unknown,
  key: keyof typeof CONTACT_PARSERS,
  where: string,
  problems: string[],
): string | undefined {
  if (value === undefined) return undefined;
  const checked = CONTACT_PARSERS[key](String(value));
  if (checked.ok) return checked.value;
  const header = UNITS_TAB_SPEC.columns.find((c) => c.key === key)?.header ?? key;
  problems.push(
    `${where}, cột '${header}': '${String(value)}' ${checked.reason}; đơn vị vẫn được tổng hợp nhưng thư nhắc sẽ không gửi tới địa chỉ này. Hãy sửa trên bảng điều khiển.`,
  );
  return undefined;
}

/** The "Tên khác" cell split on ';' (blank parts dropped); nothing when the cell is blank. */
function aliasesOf(value: unknown): { aliases?: string[] } {
  if (value === undefined) return {};
  const aliases = String(value)
    .split(';')
    .map(cleanText)
    .filter((a) => a !== '');
  return aliases.length ? { aliases } : {};
}

/** Two spellings of one file or spreadsheet (./a.xlsx, a.xlsx, a\\b.xlsx and a/b.xlsx) are the same source. */
function sourceKey(source: string): string {
  return source
    .normalize('NFC')
    .replace(/\\/g, '/')
    .replace(/^(\.\/)+/, '')
    .replace(/\/+/g, '/');
}

function readSettings(tab: SheetTab | undefined, problems: string[]): DistrictSettings {
  const settings: DistrictSettings = { districtName: '', officeEmail: '', contactName: '', contactPhone: '' };
  const keyByLabel = new Map(
    Object.entries({ ...SETTINGS_LABELS, ...REPORT_SETTINGS_LABELS, ...FEATURE_SETTINGS_LABELS }).map(
      ([key, label]) => [foldForMatch(label), key as keyof DistrictSettings],
    ),
  );
  for (const row of tab?.rows ?? []) {
    const [label, value] = row.cells;
    if (label === undefined || isBlankCell(label) || value === undefined || isBlankCell(value)) continue;
    const key = keyByLabel.get(foldForMatch(String(label)));
    if (key) settings[key] = cleanText(String(value));
  }
  if (settings.officeEmail !== '') {
    const checked = parseEmail(settings.officeEmail);
    // The office is copied on escalations and receives the digest: an address that is not one exactly is never used.
    if (checked.ok) settings.officeEmail = checked.value;
    else {
      problems.push(
        `Trang '${SETTINGS_TAB}': '${SETTINGS_LABELS.officeEmail}' '${settings.officeEmail}' ${checked.reason}; thư tổng hợp hằng ngày và bản sao thư đôn đốc sẽ không được gửi cho văn phòng tới khi sửa.`,
      );
      settings.officeEmail = '';
    }
  }
  return settings;
}

/** A unit id from what the district typed: 'TH Lương Thế Vinh' → 'th-luong-the-vinh'. */
export function unitIdOf(typed: string): string {
  return foldAccents(cleanText(typed))
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
