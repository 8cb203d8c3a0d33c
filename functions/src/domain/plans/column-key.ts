import { foldForMatch } from '../cells/fold.js';

/**
 * A stable camelCase key from a column header: 'Số lượng ĐVTN tham gia' → 'soLuongDvtnThamGia'.
 * Keys name the stored values, so a district that renames a header keeps its data by writing
 * the old key in 'Mã cột'; the key is only generated when that cell is blank.
 */
export function columnKeyOf(header: string): string {
  const words = foldForMatch(header)
    .replace(/[^a-z0-9 ]/g, ' ')
    .split(' ')
    .filter((w) => w !== '');
  const key = words.map((w, i) => (i === 0 ? w : w.charAt(0).toUpperCase() + w.slice(1))).join('');
  if (key === '') return 'cot';
  return /^[a-z]/.test(key) ? key : `cot${key.charAt(0).toUpperCase()}${key.slice(1)}`;
}

/** A lowercase-dashed id from a name: 'Đợt I' → 'dot-i'. */
export function slugOf(name: string): string {
  return foldForMatch(name)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
