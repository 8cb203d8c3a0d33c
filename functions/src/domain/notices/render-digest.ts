import type { FormSpec } from '../forms/form-spec.js';
import { dateLabel } from '../periods/period-id.js';
import type { Period } from '../periods/schedule.js';
import { NO_CLUSTER, type FormPeriodStats, type UnitStanding } from '../stats/form-period-stats.js';
import { STATUS_DISPLAY, type SubmissionStatus } from '../status/status-kinds.js';
import type { DistrictPicture } from '../summary/district-picture.js';
import { calendarDaysBetween, formatIctDateTime } from '../time/ict.js';
import type { Unit } from '../units/unit.js';
import { renderMail, type MailBlock } from './mail-blocks.js';
import {
  DEFAULT_NOTICE_POLICY,
  NOTICE_STAGES,
  STAGE_LABELS,
  type LedgerEntry,
  type NoticePolicy,
  type NoticeStage,
} from './notice-kinds.js';
import { noticeScheduleOf, noticeTiming } from './notice-timing.js';
import { dueLong, planReference, subjectLine } from './notice-text.js';
import type { RenderedMail } from './render-notice.js';
import { parseDigestId, parseNoticeId, submissionId } from '../ids/document-ids.js';

/** What the daily digest is built from. */
export interface DigestInput {
  readonly picture: DistrictPicture;
  /** Notices sent today (ICT), with their stage, unit, form and period (digest entries are ignored). */
  readonly sentToday: readonly LedgerEntry[];
  /** The ICT day 'YYYY-MM-DD' the digest is for. */
  readonly day: string;
  /** The notice window (reminder, escalation and stop days); DEFAULT_NOTICE_POLICY when absent. */
  readonly policy?: NoticePolicy;
}

/** Status rows of the digest, best first. */
const STATUS_ORDER: readonly SubmissionStatus[] = [
  'complete-on-time',
  'complete-late',
  'revised-after-deadline',
  'nil',
  'partial',
  'missing',
];

type OpenPeriod = {
  readonly spec: FormSpec;
  readonly period: Period;
  readonly stats: FormPeriodStats;
  readonly owing: readonly UnitStanding[];
};

/**
 * The district staff's daily digest: per plan and period inside the notice window with units still
 * owing, the counts by status and the overdue units by cluster (days overdue, what they were sent today);
 * periods overdue past the last notice only as a count per plan.
 */
export function renderDigest(input: DigestInput): RenderedMail {
  const { picture, day } = input;
  const policy = input.policy ?? DEFAULT_NOTICE_POLICY;
  const units = new Map(picture.units.map((u) => [u.id, u]));
  const sent = sentByUnit(input.sentToday);
  const open: OpenPeriod[] = [];
  const stale = new Map<string, { spec: FormSpec; labels: string[]; units: Set<string> }>();
  for (const { spec, period, stats } of picture.periods) {
    const owing = stats.units.filter((u) => u.status === 'missing' || u.status === 'partial');
    if (owing.length === 0) continue;
    const timing = noticeTiming(period.due, picture.now, noticeScheduleOf(spec, policy));
    if (timing.kind === 'stage') open.push({ spec, period, stats, owing });
    if (timing.kind !== 'stopped') continue;
    const entry = stale.get(spec.id) ?? { spec, labels: [], units: new Set<string>() };
    entry.labels.push(period.label);
    for (const u of owing) entry.units.add(u.unitId);
    stale.set(spec.id, entry);
  }

  const noticesSent = input.sentToday.filter((e) => !e.id.startsWith('digest~'));
  const blocks: MailBlock[] = [
    { kind: 'paragraph', text: `Tình hình nộp báo cáo của các đơn vị tính đến ${formatIctDateTime(picture.now)}.` },
    {
      kind: 'paragraph',
      text: `Hôm nay đã gửi ${noticesSent.length} thư nhắc tới ${new Set(noticesSent.map((e) => unitOf(e))).size} đơn vị.`,
    },
  ];
  blocks.push(...controlProblemBlocks(picture.controlProblems ?? []));
  if (open.length === 0 && stale.size === 0)
    blocks.push({ kind: 'paragraph', text: 'Không có kế hoạch nào đang chờ nộp hoặc quá hạn.' });
  for (const p of open) blocks.push(...periodBlocks(p, picture.now, units, sent));
  if (stale.size > 0) {
    blocks.push({ kind: 'heading', text: `Quá hạn lâu (quá ${policy.stopAfterDays} ngày, không còn gửi thư nhắc)` });
    blocks.push({
      kind: 'list',
      items: [...stale.values()].map(
        ({ spec, labels, units: owing }) =>
          `${formName(spec)} — ${periodsText(labels)}: quá hạn lâu: ${owing.size} đơn vị`,
      ),
    });
  }
  blocks.push({
    kind: 'paragraph',
    text: 'Thư tổng hợp gửi tự động mỗi ngày; danh sách đầy đủ xem trang "Quá hạn" của bảng tổng hợp.',
  });
  const district = picture.settings.districtName;
  const subject = subjectLine(
    `[Tổng hợp ngày ${dateLabel(day)}] Tình hình nộp báo cáo${district ? ` — ${district}` : ''}`,
  );
  return { subject, ...renderMail(blocks) };
}

function periodBlocks(
  p: OpenPeriod,
  now: Date,
  units: ReadonlyMap<string, Unit>,
  sent: ReadonlyMap<string, NoticeStage[]>,
): MailBlock[] {
  const { spec, period, stats } = p;
  const overdue = now > period.due;
  const days = Math.max(1, calendarDaysBetween(period.due, now));
  const { complete, expected } = stats.overall;
  const blocks: MailBlock[] = [
    { kind: 'heading', text: `${formName(spec)} — ${period.label}` },
    {
      kind: 'paragraph',
      text: `Hạn nộp: ${dueLong(period.due)}${overdue ? ` (đã quá hạn ${days} ngày)` : ''}. Đã nộp đủ ${complete}/${expected} đơn vị (${Math.round((complete / expected) * 100)} %).`,
    },
    {
      kind: 'facts',
      rows: STATUS_ORDER.flatMap((status) => {
        const count = stats.units.filter((u) => u.status === status).length;
        return count > 0 ? [[STATUS_DISPLAY[status].label, `${count} đơn vị`] as const] : [];
      }),
    },
  ];
  const sentHere = (unitId: string) => sent.get(submissionId(spec.id, period.id, unitId)) ?? [];
  if (!overdue) {
    const reminded = p.owing.filter((u) => sentHere(u.unitId).length > 0).length;
    blocks.push({
      kind: 'paragraph',
      text: `Chưa đến hạn: ${p.owing.length} đơn vị chưa nộp đủ; hôm nay đã nhắc ${reminded} đơn vị.`,
    });
    return blocks;
  }
  const byCluster = new Map<string, UnitStanding[]>();
  for (const standing of p.owing) {
    const cluster = units.get(standing.unitId)?.cluster || NO_CLUSTER;
    byCluster.set(cluster, [...(byCluster.get(cluster) ?? []), standing]);
  }
  const clusters = [...byCluster.keys()].sort((a, b) =>
    a === NO_CLUSTER ? 1 : b === NO_CLUSTER ? -1 : a.localeCompare(b, 'vi'),
  );
  for (const cluster of clusters) {
    const name = (id: string) => units.get(id)?.name ?? id;
    const members = [...(byCluster.get(cluster) ?? [])].sort((a, b) =>
      name(a.unitId).localeCompare(name(b.unitId), 'vi'),
    );
    blocks.push({
      kind: 'list',
      title: `${cluster}: ${members.length} đơn vị quá hạn`,
      items: members.map((u) => {
        const stages = sentHere(u.unitId);
        const today = stages.length
          ? `hôm nay đã gửi: ${stages.map((s) => STAGE_LABELS[s]).join(', ')}`
          : 'hôm nay không gửi thư';
        return `${name(u.unitId)} — ${STATUS_DISPLAY[u.status].label} — quá hạn ${u.daysOverdue ?? days} ngày — ${today}`;
      }),
    });
  }
  return blocks;
}

/** Problems in the district's own control sheet come first: a unit missing from the registry is missing from every count. */
function controlProblemBlocks(problems: readonly string[]): MailBlock[] {
  if (problems.length === 0) return [];
  const shown = problems.slice(0, MAX_CONTROL_PROBLEMS);
  const more = problems.length - shown.length;
  return [
    { kind: 'heading', text: `Bảng điều khiển cần sửa (${problems.length} mục)` },
    {
      kind: 'list',
      items: more > 0 ? [...shown, `… và ${more} mục khác (xem trang "Lỗi dữ liệu" của bảng tổng hợp).`] : shown,
    },
  ];
}

const MAX_CONTROL_PROBLEMS = 10;

/** Stages sent today per `{form}~{period}~{unit}`, in stage order. */
function sentByUnit(entries: readonly LedgerEntry[]): Map<string, NoticeStage[]> {
  const byKey = new Map<string, NoticeStage[]>();
  for (const entry of entries) {
    const parsed = parseNoticeId(entry.id);
    const [formId, periodId, unitId] = [
      entry.formId ?? parsed?.formId,
      entry.periodId ?? parsed?.periodId,
      entry.unitId ?? parsed?.unitId,
    ];
    const which = entry.stage ?? parsed?.stage;
    if (!which || !formId || !periodId || !unitId || parseDigestId(entry.id) !== undefined) continue;
    const key = submissionId(formId, periodId, unitId);
    byKey.set(
      key,
      [...(byKey.get(key) ?? []), which].sort((a, b) => NOTICE_STAGES.indexOf(a) - NOTICE_STAGES.indexOf(b)),
    );
  }
  return byKey;
}

function unitOf(entry: LedgerEntry): string {
  return entry.unitId ?? parseNoticeId(entry.id)?.unitId ?? entry.id;
}

function formName(spec: FormSpec): string {
  const plan = planReference(spec);
  return plan ? `${plan} — ${spec.tab}` : spec.tab;
}

/** "hạn 15/09/2024", or "3 kỳ: tháng 4/2020, tháng 5/2020, tháng 6/2020", or the first three and "…". */
function periodsText(labels: readonly string[]): string {
  if (labels.length === 1) return labels[0] ?? '';
  const shown = labels.length > 3 ? [...labels.slice(0, 3), '…'] : labels;
  return `${labels.length} kỳ: ${shown.join(', ')}`;
}
