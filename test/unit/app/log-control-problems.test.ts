import { describe, expect, it } from 'vitest';
import { logControlProblems } from '../../../functions/src/app/log-control-problems.js';
import {
  lineOperatorLog,
  type OperatorFields,
  type OperatorSeverity,
} from '../../../functions/src/app/operator-log.js';

const PROBLEMS = [
  "Trang 'Đơn vị', dòng 7, cột 'Email': 'mai@' không phải một địa chỉ email; đơn vị vẫn được tổng hợp.",
  "Trang 'Cột biểu mẫu', dòng 14, cột 'Kiểu': kiểu 'Ngay' không có.",
  "Trang 'Đơn vị', dòng 9: thông tin đơn vị chưa hợp lệ (type).",
];

describe('logControlProblems: one operator line per run, counts and places only', () => {
  it('says nothing when the control sheet is clean', () => {
    const lines: unknown[] = [];
    logControlProblems((...entry) => lines.push(entry), []);
    expect(lines).toEqual([]);
  });

  it('logs a WARNING with the count, the tabs and rows, the fix, and the caller fields', () => {
    const entries: [OperatorSeverity, string, OperatorFields | undefined][] = [];
    logControlProblems((severity, message, fields) => entries.push([severity, message, fields]), PROBLEMS, {
      runId: 'r1',
    });
    expect(entries).toHaveLength(1);
    const [severity, message, fields] = entries[0] ?? [];
    expect(severity).toBe('WARNING');
    expect(message).toMatch(/^control sheet has 3 problem\(s\); .*"Lỗi dữ liệu".*tonghop plans check/);
    expect(fields).toEqual({ runId: 'r1', controlProblems: 3, places: 'Đơn vị rows 7, 9; Cột biểu mẫu row 14' });
    expect(JSON.stringify(entries)).not.toContain('mai@');
  });

  it('on the CLI, the same line on stderr with its fields as key=value', () => {
    const lines: string[] = [];
    logControlProblems(
      lineOperatorLog((line) => lines.push(line)),
      PROBLEMS.slice(1, 2),
    );
    expect(lines).toEqual([
      expect.stringMatching(/^control sheet has 1 problem\(s\); .* \(controlProblems=1, places=Cột biểu mẫu row 14\)$/),
    ]);
  });
});
