import { describe, expect, it } from 'vitest';
import { sharedSourceId, sharedSourceLabel } from '../../../functions/src/domain/shared/shared-source.js';

const forms = [
  { id: 'so-cap-cuu', tab: 'Đăng ký sơ cấp cứu' },
  { id: 'tap-huan', tab: 'Đăng ký tập huấn' },
];

describe('sharedSourceLabel', () => {
  it('names a shared source by its form tab, as district staff know it', () => {
    expect(sharedSourceLabel(sharedSourceId('so-cap-cuu'), forms)).toBe('Bảng trả lời chung «Đăng ký sơ cấp cứu»');
  });

  it('says nothing for a unit id or an unknown form', () => {
    expect(sharedSourceLabel('th-ben-nghe', forms)).toBeUndefined();
    expect(sharedSourceLabel(sharedSourceId('khong-co'), forms)).toBeUndefined();
  });
});
