import { describe, it } from 'vitest';
import type { RawCell } from '../../../functions/src/domain/cells/raw-cell.js';
import type { EnumChoice } from '../../../functions/src/domain/cells/enum.js';
import { matchEnumOption, matchMultiEnum } from '../../../functions/src/domain/cells/enum.js';
import { expectParsed, expectRejected } from './cell-expect.js';

const ROLES: readonly EnumChoice[] = [
  { value: 'Tổng phụ trách Đội', aliases: ['TPT', 'TPT Đội', 'Tổng phụ trách'] },
  { value: 'Bí thư Chi đoàn', aliases: ['BT chi đoàn', 'Bí thư'] },
  { value: 'Phó Bí thư', aliases: ['PBT'] },
  { value: 'Giáo viên', aliases: ['GV'] },
];

const FORMS: readonly EnumChoice[] = [
  { value: 'Trực tiếp', aliases: ['offline'] },
  { value: 'Trực tuyến', aliases: ['online'] },
  { value: 'Văn hóa và thể thao', aliases: ['VHTT'] },
];

/** Two options that fold to the same key: only exact spelling can tell them apart. */
const COLLIDING: readonly EnumChoice[] = [
  { value: 'Đạt', aliases: [] },
  { value: 'Dat', aliases: [] },
  { value: 'Chưa đạt', aliases: [] },
];

const MANY: readonly EnumChoice[] = Array.from({ length: 10 }, (_, i) => ({ value: `Cụm ${i + 1}`, aliases: [] }));

describe('matchEnumOption', () => {
  it.each<[string, RawCell, string]>([
    ['exact', 'Tổng phụ trách Đội', 'Tổng phụ trách Đội'],
    ['no accents, lowercase', 'tong phu trach doi', 'Tổng phụ trách Đội'],
    ['uppercase', 'TỔNG PHỤ TRÁCH ĐỘI', 'Tổng phụ trách Đội'],
    ['NFD', 'Tổng phụ trách Đội'.normalize('NFD'), 'Tổng phụ trách Đội'],
    ['extra spaces and trailing dot', '  Tổng   phụ trách  Đội. ', 'Tổng phụ trách Đội'],
    ['NBSP and zero-width', 'Tổng\u00A0phụ trách\u200B Đội', 'Tổng phụ trách Đội'],
    ['alias', 'TPT', 'Tổng phụ trách Đội'],
    ['alias lowercase', 'tpt', 'Tổng phụ trách Đội'],
    ['alias with accents folded', 'bi thu', 'Bí thư Chi đoàn'],
    ['alias with dots', 'P.B.T', 'Phó Bí thư'],
    ['alias with inner spaces', 'T P T', 'Tổng phụ trách Đội'],
    ['value in other case', 'phó bí thư', 'Phó Bí thư'],
    ['short alias', 'gv', 'Giáo viên'],
    ['hyphen instead of space', 'Giáo-viên', 'Giáo viên'],
    ['exact wins over folded collision', 'Đạt', 'Đạt'],
    ['exact wins for the other colliding option', 'Dat', 'Dat'],
    ['case-insensitive with accents breaks a collision', 'đạt', 'Đạt'],
  ])('accepts %s', (_label, cell, expected) => {
    const options = COLLIDING.some((o) => o.value === expected) ? COLLIDING : ROLES;
    expectParsed(matchEnumOption(cell, options), expected);
  });

  it.each<[string, RawCell, readonly EnumChoice[], string]>([
    [
      'unknown',
      'Hiệu trưởng',
      ROLES,
      'không có trong danh sách (chọn một trong: Tổng phụ trách Đội; Bí thư Chi đoàn; Phó Bí thư; Giáo viên)',
    ],
    [
      'more than 8 options',
      'Cụm 11',
      MANY,
      'chọn một trong: Cụm 1; Cụm 2; Cụm 3; Cụm 4; Cụm 5; Cụm 6; Cụm 7; Cụm 8; …)',
    ],
    ['fold collision without exact match', 'dạt', COLLIDING, 'không rõ là “Đạt” hay “Dat”'],
    ['partial name', 'Tổng phụ', ROLES, 'không có trong danh sách'],
    ['error cell', { error: '#REF!' }, ROLES, 'ô đang báo lỗi #REF!'],
    ['lone space', ' ', ROLES, 'ô trống'],
    ['zero-width only', '\u200B', ROLES, 'ô trống'],
    ['NaN', Number.NaN, ROLES, 'ô trống'],
    ['no options declared', 'TPT', [], 'chưa có danh sách lựa chọn'],
    ['50,000 characters', 'a'.repeat(50_000), ROLES, 'không có trong danh sách'],
  ])('rejects %s', (_label, cell, options, phrase) => {
    expectRejected(matchEnumOption(cell, options), phrase);
  });
});

describe('matchEnumOption with non-text cells', () => {
  it.each<[string, RawCell, readonly EnumChoice[], string]>([
    [
      'number matches an alias',
      3,
      [
        { value: '3 sao', aliases: ['3'] },
        { value: '5 sao', aliases: ['5'] },
      ],
      '3 sao',
    ],
    [
      'number matches a value',
      2024,
      [
        { value: '2023', aliases: [] },
        { value: '2024', aliases: [] },
      ],
      '2024',
    ],
    [
      'TRUE matches Có',
      true,
      [
        { value: 'Có', aliases: [] },
        { value: 'Không', aliases: [] },
      ],
      'Có',
    ],
  ])('accepts %s', (_label, cell, options, expected) => {
    expectParsed(matchEnumOption(cell, options), expected);
  });
});

describe('matchMultiEnum', () => {
  it.each<[string, RawCell, string[]]>([
    ['one', 'Trực tiếp', ['Trực tiếp']],
    ['comma', 'Trực tuyến, Trực tiếp', ['Trực tiếp', 'Trực tuyến']],
    ['semicolon', 'truc tiep; truc tuyen', ['Trực tiếp', 'Trực tuyến']],
    ['slash', 'Trực tiếp/Trực tuyến', ['Trực tiếp', 'Trực tuyến']],
    ['plus', 'online + offline', ['Trực tiếp', 'Trực tuyến']],
    ['và', 'Trực tiếp và trực tuyến', ['Trực tiếp', 'Trực tuyến']],
    ['newline list with bullets', '- Trực tuyến\n- VHTT', ['Trực tuyến', 'Văn hóa và thể thao']],
    ['an option containing và stays whole', 'Văn hóa và thể thao, Trực tiếp', ['Trực tiếp', 'Văn hóa và thể thao']],
    ['duplicates removed', 'online, Trực tuyến, ONLINE', ['Trực tuyến']],
    ['NFD', 'Trực tiếp, Trực tuyến'.normalize('NFD'), ['Trực tiếp', 'Trực tuyến']],
    ['empty pieces ignored', 'Trực tiếp,, ;', ['Trực tiếp']],
  ])('accepts %s', (_label, cell, expected) => {
    expectParsed(matchMultiEnum(cell, FORMS), expected);
  });

  it.each<[string, RawCell, string]>([
    ['names the unknown item', 'Trực tiếp, Hội thảo', 'không có trong danh sách: “Hội thảo”'],
    ['names every unknown item', 'Hội thảo; Tọa đàm', '“Hội thảo”, “Tọa đàm”'],
    ['lists the choices', 'Hội thảo', 'chọn trong: Trực tiếp; Trực tuyến; Văn hóa và thể thao'],
    ['only separators', ', ;', 'ô trống'],
    ['lone space', ' ', 'ô trống'],
    ['error cell', { error: '#N/A' }, 'ô đang báo lỗi #N/A'],
  ])('rejects %s', (_label, cell, phrase) => {
    expectRejected(matchMultiEnum(cell, FORMS), phrase);
  });
});
