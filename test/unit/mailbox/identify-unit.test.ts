import { describe, expect, it } from 'vitest';
import { identifyUnit } from '../../../functions/src/domain/mailbox/identify-unit.js';
import type { Unit } from '../../../functions/src/domain/units/unit.js';
import { testUnit } from '../../support/builders.js';

const unit = (id: string, name: string, emails: string[] = [], source = `${id}.xlsx`): Unit =>
  testUnit(id, { name, level: 'Tiểu học', contacts: emails.map((email) => ({ name: '', email })), source });
const UNITS = [
  unit('th-ai-mo', 'Liên đội Tiểu học Ái Mộ', ['aimo@truong.example', 'tpt.aimo@gmail.example']),
  unit('th-bo-de', 'Liên đội Tiểu học Bồ Đề', ['bode@truong.example', 'chung@phong.example']),
  unit('th-bo-de-2', 'Liên đội Tiểu học Bồ Đề 2', ['chung@phong.example'], 'bode2.xlsx'),
  unit('som', 'Liên đội Sơn Mỹ'),
];

describe('identifyUnit', () => {
  it.each([
    [
      'any of a unit’s contacts, in any case',
      { from: 'TPT.AiMo@Gmail.example', subject: '', fileNames: [] },
      'th-ai-mo',
      'sender',
    ],
    [
      'a unit name without accents or case in the subject',
      { from: 'la@khac.example', subject: 'Bao cao LIEN DOI TIEU HOC AI MO thang 9', fileNames: [] },
      'th-ai-mo',
      'subject',
    ],
    [
      'the longest name wins (Bồ Đề 2 over Bồ Đề)',
      { from: undefined, subject: 'Báo cáo Liên đội Tiểu học Bồ Đề 2', fileNames: [] },
      'th-bo-de-2',
      'subject',
    ],
    [
      'a unit id as a word of the subject',
      { from: undefined, subject: 'Gửi báo cáo th-bo-de', fileNames: [] },
      'th-bo-de',
      'subject',
    ],
    [
      'the unit’s own file name as the attachment',
      { from: undefined, subject: 'Báo cáo', fileNames: ['BODE2.xlsx'] },
      'th-bo-de-2',
      'file-name',
    ],
    [
      'a name in the attachment’s file name',
      { from: undefined, subject: 'Báo cáo', fileNames: ['Liên đội Tiểu học Ái Mộ - tập huấn.xlsx'] },
      'th-ai-mo',
      'file-name',
    ],
    [
      'an address shared by two units, told apart by the subject',
      { from: 'chung@phong.example', subject: 'Liên đội Tiểu học Bồ Đề', fileNames: [] },
      'th-bo-de',
      'subject',
    ],
  ])('finds %s', (_, clues, unitId, by) => {
    expect(identifyUnit(clues, UNITS)).toMatchObject({ found: true, unit: { id: unitId }, by });
  });

  it('does not read a Vietnamese word folded to ascii as a unit id ("sớm" is not "som")', () => {
    expect(identifyUnit({ from: 'la@khac.example', subject: 'Gửi báo cáo sớm', fileNames: [] }, UNITS)).toEqual({
      found: false,
      knownSender: false,
      candidates: [],
    });
  });

  it('gives no answer for an address shared by two units when nothing else tells them apart', () => {
    const result = identifyUnit(
      { from: 'chung@phong.example', subject: 'Báo cáo', fileNames: ['bao-cao.xlsx'] },
      UNITS,
    );
    expect(result).toMatchObject({ found: false, knownSender: true });
    expect(result.found ? [] : result.candidates.map((u) => u.id)).toEqual(['th-bo-de', 'th-bo-de-2']);
  });

  it('gives no answer when attachments name two different units', () => {
    const result = identifyUnit(
      { from: undefined, subject: 'Báo cáo', fileNames: ['th-ai-mo.xlsx', 'bode2.xlsx'] },
      UNITS,
    );
    expect(result).toMatchObject({ found: false, knownSender: false });
  });
});
