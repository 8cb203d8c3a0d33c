import { describe, expect, it } from 'vitest';
import {
  decideUnitRead,
  type PreviousRead,
  type SheetEvidence,
  type UnitReadDecision,
} from '../../../functions/src/domain/sheets/decide-unit-read.js';

const SPECS = 'specs-v1';
const problem = "Tệp 'ltv.xlsx' bị hỏng.";
const stored = (status: PreviousRead['status'], more: Partial<PreviousRead> = {}): PreviousRead => ({
  status,
  specsHash: SPECS,
  contentHash: status === 'missing' ? null : 'content-a',
  firstProblem: status === 'ok' ? undefined : problem,
  ...more,
});

const absent: SheetEvidence = { kind: 'absent' };
const brokenFile: SheetEvidence = { kind: 'unreadable', problem, fileKnown: true };
const noAccess: SheetEvidence = { kind: 'unreadable', problem, fileKnown: false };
const sameFingerprint: SheetEvidence = { kind: 'fingerprint', sameAsBefore: true };
const newFingerprint: SheetEvidence = { kind: 'fingerprint', sameAsBefore: false };
const sameContent: SheetEvidence = { kind: 'content', contentHash: 'content-a' };
const newContent: SheetEvidence = { kind: 'content', contentHash: 'content-b' };

describe('decideUnitRead', () => {
  it.each<[string, SheetEvidence, PreviousRead | undefined, boolean, UnitReadDecision]>([
    // No file.
    ['first sweep, no file', absent, undefined, false, 'missing'],
    ['still no file', absent, stored('missing'), false, 'unchanged'],
    ['still no file, but the specs changed', absent, stored('missing', { specsHash: 'specs-v2' }), false, 'missing'],
    ['the file went away', absent, stored('ok'), false, 'missing'],
    // Read errors.
    ['first sweep, unreadable', noAccess, undefined, false, 'unreadable'],
    ['still no access, same message', noAccess, stored('unreadable'), false, 'unchanged'],
    [
      'still no access, another message',
      { kind: 'unreadable', problem: 'khác', fileKnown: false },
      stored('unreadable'),
      false,
      'unreadable',
    ],
    ['a broken file is recorded with its fingerprint', brokenFile, stored('unreadable'), false, 'unreadable'],
    ['no access after a good read', noAccess, stored('ok'), false, 'unreadable'],
    ['no access, specs changed', noAccess, stored('unreadable', { specsHash: 'specs-v2' }), false, 'unreadable'],
    // Fingerprint.
    ['first sweep', newFingerprint, undefined, false, 'read'],
    ['untouched since the last read', sameFingerprint, stored('ok'), false, 'unchanged'],
    ['untouched, but the specs changed', sameFingerprint, stored('ok', { specsHash: 'specs-v2' }), false, 'read'],
    ['untouched, but the unit pressed submit', sameFingerprint, stored('ok'), true, 'read'],
    ['touched', newFingerprint, stored('ok'), false, 'read'],
    // Content, once opened.
    ['saved again without edits', sameContent, stored('ok'), false, 'same-content'],
    ['same bytes as a broken file', sameContent, stored('unreadable'), false, 'same-content'],
    ['edited', newContent, stored('ok'), false, 'read'],
    ['same bytes, but the specs changed', sameContent, stored('ok', { specsHash: 'specs-v2' }), false, 'read'],
    ['same bytes, but the unit pressed submit', sameContent, stored('ok'), true, 'read'],
    ['came back after being missing', sameContent, stored('missing', { contentHash: 'content-a' }), false, 'read'],
    ['first sweep, opened', sameContent, undefined, false, 'read'],
  ])('%s → %5$s', (_, evidence, previous, submitRequested, decision) => {
    expect(decideUnitRead({ evidence, previous, specsHash: SPECS, submitRequested })).toBe(decision);
  });
});
