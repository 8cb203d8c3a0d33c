import { describe, expect, it } from 'vitest';
import type { ReviewEntry } from '../../../functions/src/domain/review/accept-review-entry.js';
import { branchReviewRefusal } from '../../../functions/src/domain/review/branch-review-scope.js';
import {
  decisionsOf,
  latestDecisions,
  type ReviewDecision,
} from '../../../functions/src/domain/review/review-decision.js';
import { reviewStanding } from '../../../functions/src/domain/review/review-standing.js';

const AN_LAC = { id: 'dtn-an-lac', name: 'Đoàn trường THPT An Lạc' };
const SUBMISSION = { contentHash: 'v2', lastChangedAt: new Date('2024-09-18T03:00:00Z') };

function decision(
  kind: ReviewDecision['decision'],
  version: string,
  at: string,
  branch?: typeof AN_LAC,
  comment = '',
): ReviewDecision {
  return {
    submissionId: 'f~p~u',
    formId: 'f',
    periodId: 'p',
    unitId: 'u',
    decision: kind,
    comment,
    by: branch?.name ?? 'Quận Đoàn',
    at: new Date(at),
    submissionVersion: version,
    ...(branch ? { branch } : {}),
  };
}

describe('two review levels: the cơ sở reviews first, the district has the last word', () => {
  const branchApproves = decision('approved', 'v2', '2024-09-19T01:00:00Z', AN_LAC);
  const districtSendsBack = decision('needs-more', 'v2', '2024-09-19T05:00:00Z', undefined, 'Thiếu ngày sinh');
  const branchAfterOnSame = decision('approved', 'v2', '2024-09-19T07:00:00Z', AN_LAC);
  const districtOnOld = decision('approved', 'v1', '2024-09-18T01:00:00Z');

  it.each([
    ['only the cơ sở decided: its decision stands', [branchApproves], branchApproves],
    ['the district decided after the cơ sở: the district', [branchApproves, districtSendsBack], districtSendsBack],
    [
      'the cơ sở decided again on the version the district decided: still the district',
      [branchApproves, districtSendsBack, branchAfterOnSame],
      districtSendsBack,
    ],
    [
      'the district decided an older version, the cơ sở the new one after the change: the cơ sở',
      [districtOnOld, branchApproves],
      branchApproves,
    ],
    ['only the district: the district', [districtOnOld], districtOnOld],
  ])('%s', (_name, decisions, standing) => {
    expect(latestDecisions(decisions).get('f~p~u')).toBe(standing);
  });

  it("keeps each reviewer's own decisions apart (its tab shows its own)", () => {
    const all = [branchApproves, districtSendsBack, branchAfterOnSame];
    expect(decisionsOf(all, undefined)).toEqual([districtSendsBack]);
    expect(decisionsOf(all, AN_LAC.id)).toEqual([branchApproves, branchAfterOnSame]);
  });

  it("names the cơ sở in a standing it decided, so the district sees whose it is; the district's says nothing more", () => {
    expect(reviewStanding(branchApproves, SUBMISSION).text).toBe('Đã duyệt (Đoàn trường THPT An Lạc)');
    expect(reviewStanding(decision('needs-more', 'v2', '2024-09-19T01:00:00Z', AN_LAC, 'Thiếu'), SUBMISSION).text).toBe(
      'Cần bổ sung (Đoàn trường THPT An Lạc): Thiếu',
    );
    expect(reviewStanding(districtSendsBack, SUBMISSION).text).toBe('Cần bổ sung: Thiếu ngày sinh');
  });
});

describe('a cơ sở decides only on the reports of the units under it', () => {
  const members = new Set([AN_LAC.id, 'cd-10a1', 'cd-10a2']);
  const entry: ReviewEntry = {
    submissionId: 'f~p~x',
    shownVersion: 'v1',
    decision: 'approved',
    comment: '',
    label: 'Chi đoàn X — Đăng ký',
  };

  it.each([
    ['a chi đoàn under it', 'cd-10a1', true],
    ['its own report', AN_LAC.id, false],
    ["another cơ sở's chi đoàn", 'cd-11b1', false],
    ['a report that does not exist', undefined, false],
  ])('%s', (_name, unitId, allowed) => {
    const refusal = branchReviewRefusal(entry, unitId === undefined ? undefined : { unitId }, AN_LAC, members);
    expect(refusal === undefined).toBe(allowed);
    if (!allowed) expect(refusal).toContain(`${AN_LAC.name} chỉ duyệt báo cáo của các đơn vị trực thuộc`);
  });

  it('says the same for a report outside its subtree and one that does not exist (no oracle for other units)', () => {
    expect(branchReviewRefusal(entry, { unitId: 'cd-11b1' }, AN_LAC, members)).toBe(
      branchReviewRefusal(entry, undefined, AN_LAC, members),
    );
  });
});
