import Table from 'cli-table3';
import { COMPACT_TABLE } from '../functions/src/cli/table-style.js';
import { largeRegistryStepRows } from './large-registry.js';
import { nextDayStepRows } from './next-day.js';
import { googleCityRows } from './google-city.js';
import type { BenchResults, GoogleSummary, Verdict } from './results.js';

const n = (value: number) => value.toLocaleString('en-US');
const s = (value: number) => `${value.toFixed(value < 10 ? 2 : 1)} s`;

/** The run's tables as text: one row per step, then the targets and the checks with PASS/FAIL. */
export function formatResults(r: BenchResults): string {
  const steps = new Table({ ...COMPACT_TABLE, head: ['Step', 'Wall time', 'Writes', 'Details'] });
  const requests = (g: GoogleSummary) =>
    Object.entries(g.requests)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([kind, count]) => `${kind} ${n(count)}`)
      .join(', ') || 'none';
  steps.push(
    [
      '1 cold sweep, workbooks',
      s(r.cold.seconds),
      n(r.cold.writes),
      `${n(r.cold.rows)} rows (${n(r.cold.rowsPerSecond)} rows/s), ${n(r.cold.workbooksParsed)} workbooks parsed, peak RSS ${r.cold.peakRssMb} MB (${r.cold.startRssMb} MB at start)`,
    ],
    [
      '2 warm sweep, nothing changed',
      `${s(r.warm.seconds)} (${(r.warm.shareOfCold * 100).toFixed(1)} % of cold)`,
      n(r.warm.writes),
      `${n(r.warm.workbooksParsed)} workbooks parsed`,
    ],
    [
      `3 incremental, ${n(r.incremental.changedUnits)} units changed`,
      s(r.incremental.seconds),
      n(r.incremental.writes),
      `${n(r.incremental.workbooksParsed)} parsed; ${n(r.incremental.submissionsWritten)} submissions written for ${n(r.incremental.changedSubmissions)} changed`,
    ],
    [
      '4 floor: exceljs + BulkWriter',
      s(r.floor.seconds),
      n(r.floor.documents),
      `exceljs load ${s(r.floor.exceljsLoadSeconds)}; pipeline ÷ floor ${r.floor.pipelineOverFloor.toFixed(2)} ×, ` +
        `the median of ${r.floor.pairs.length} pairs (${r.floor.pairs.map((p) => p.pipelineOverFloor.toFixed(2)).join(' / ')})`,
    ],
    [
      '5 naive: 1 set() per row',
      `≈ ${s(r.naive.citySecondsExtrapolated)}`,
      n(r.naive.cityWrites),
      `${n(r.naive.sampleUnits)} units (${n(r.naive.sampleRows)} rows) in ${s(r.naive.sampleSeconds)}, extrapolated; ÷ pipeline: time ${r.naive.timeOverPipeline.toFixed(1)} ×, writes ${r.naive.writesOverPipeline.toFixed(1)} × (${r.naive.writesOverPipelineColdWarmIncremental.toFixed(0)} × over steps 1–3)`,
    ],
    [
      `6 Google cold (${r.google.latencyMs} ms latency)`,
      s(r.google.cold.seconds),
      n(r.google.cold.writes),
      `${n(r.google.spreadsheets)} spreadsheets; requests: ${requests(r.google.cold)} = ${n(r.google.cold.totalRequests)}; ≈ ${r.google.cold.minutesAt300PerMinute.toFixed(1)} min at 300/min`,
    ],
    [
      '6 Google warm',
      s(r.google.warm.seconds),
      n(r.google.warm.writes),
      `requests: ${requests(r.google.warm)} = ${n(r.google.warm.totalRequests)}`,
    ],
    ...googleCityRows(r.googleCity),
    [
      '7 notices, pooled SMTP',
      s(r.notices.seconds),
      '',
      `${n(r.notices.notices)} notices to ${n(r.notices.overdueUnits)} overdue units + digest; ${r.notices.messagesPerSecond} msg/s sending (${r.notices.messagesPerSecondWholeRun} msg/s whole run)`,
    ],
    ...nextDayStepRows(r.nextDay),
  );
  const starts = Object.entries(r.coldStart)
    .map(([name, ms]) => `${name} ${n(ms)}`)
    .join(', ');
  const loads = Object.entries(r.firstCallLoad)
    .map(([name, ms]) => `${name} ${n(ms)}`)
    .join(', ');
  steps.push(
    ['10 cold start, import (ms)', '', '', `${starts}; then the handler's first call loads (ms): ${loads}`],
    ...largeRegistryStepRows(r.largeRegistry),
  );
  const verdicts = (title: string, list: readonly Verdict[]) => {
    const table = new Table({ ...COMPACT_TABLE, head: [title, 'Measured', ''] });
    table.push(...list.map((v) => [v.name, v.measured, v.pass ? 'PASS' : 'FAIL']));
    return table.toString();
  };
  const city = r.city;
  return [
    `City: ${n(city.units)} units (${n(city.lienDoi)} Liên đội, ${n(city.coSoDoan)} cơ sở Đoàn), ${n(city.workbooks)} workbooks (${city.megabytes} MB), ` +
      `${n(city.missing)} missing, ${n(city.late)} late, ${n(city.rows)} rows of which ${n(city.mistypedRows)} mistyped; ` +
      `${r.machine.cpus} × ${r.machine.cpuModel}, Node ${r.machine.node}, load average ${r.machine.loadAverage.join(' / ')} (1 / 5 / 15 min).`,
    steps.toString(),
    verdicts('Target', r.targets),
    verdicts('Check', r.checks),
  ].join('\n');
}
