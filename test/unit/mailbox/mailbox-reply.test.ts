import { describe, expect, it } from 'vitest';
import {
  mailboxResultReply,
  MAX_LISTED_ROW_ERRORS,
  unknownSenderReply,
} from '../../../functions/src/domain/mailbox/mailbox-reply.js';

const SETTINGS = {
  districtName: 'Quận Đoàn Long Biên',
  officeEmail: 'vp@quandoan.example',
  contactName: 'Lê Ánh Hồng',
  contactPhone: '0983 018 027',
};
const RECEIVED = new Date('2024-09-14T02:05:00Z');
const STANDING = {
  formId: 'tap-huan-2024',
  form: 'Đăng ký tập huấn',
  due: new Date('2024-09-15T03:00:00Z'),
  status: 'partial' as const,
};

describe('mailboxResultReply', () => {
  it('gives the received time, rows accepted and in error with their messages, the deadline and the standing', () => {
    const reply = mailboxResultReply({
      settings: SETTINGS,
      unitName: 'Liên đội Tiểu học Ái Mộ',
      receivedAt: RECEIVED,
      files: [
        {
          fileName: 'bao-cao.xlsx',
          counts: { valid: 12, rejected: 2, nil: 0 },
          problems: [],
          rowErrors: ["Cột 'Số điện thoại' dòng 9: '12345' không phải số điện thoại Việt Nam", 'Dòng 11: thiếu họ tên'],
        },
        { fileName: 'anh.pdf', refused: "Tệp 'anh.pdf' không phải tệp Excel .xlsx nên không được đọc." },
      ],
      standings: [STANDING],
      senderNotListed: false,
    });
    expect(reply.subject).toBe('Kết quả nhận báo cáo qua thư: Liên đội Tiểu học Ái Mộ');
    expect(reply.text).toContain(
      'Quận Đoàn Long Biên đã nhận thư của đơn vị lúc 9g05 14/09/2024 và ghi nhận 1 tệp báo cáo. Thời điểm nhận thư là thời điểm nộp dùng để tính đúng hạn.',
    );
    expect(reply.text).toMatch(/Dòng hợp lệ:\s+12\nDòng lỗi:\s+2/);
    expect(reply.text).toContain("  - Cột 'Số điện thoại' dòng 9: '12345' không phải số điện thoại Việt Nam");
    expect(reply.text).toContain("Chưa ghi nhận: Tệp 'anh.pdf' không phải tệp Excel .xlsx");
    expect(reply.text).toContain(
      'Đăng ký tập huấn (hạn nộp: 10g00 ngày 15/09/2024): ! Chưa đạt (có lỗi hoặc thiếu dòng).',
    );
    expect(reply.text).toContain('gửi lại tệp đã sửa');
    expect(reply.text).not.toContain('danh sách liên hệ');
    expect(reply.html).toContain('&#39;12345&#39;');
    expect(reply.text.normalize('NFC')).toBe(reply.text);
  });

  it('lists at most a screenful of row errors and counts the rest', () => {
    const rowErrors = Array.from({ length: MAX_LISTED_ROW_ERRORS + 7 }, (_, i) => `Dòng ${i + 6}: thiếu họ tên`);
    const reply = mailboxResultReply({
      settings: SETTINGS,
      unitName: 'Liên đội A',
      receivedAt: RECEIVED,
      files: [{ fileName: 'a.xlsx', counts: { valid: 0, rejected: rowErrors.length, nil: 0 }, rowErrors }],
      standings: [],
      senderNotListed: false,
    });
    expect(reply.text).toContain(`Dòng ${MAX_LISTED_ROW_ERRORS + 5}: thiếu họ tên`);
    expect(reply.text).not.toContain(`Dòng ${MAX_LISTED_ROW_ERRORS + 6}: thiếu họ tên`);
    expect(reply.text).toContain('… và 7 lỗi khác.');
  });

  it('says so when nothing was attached, and asks to register an address the unit was not known by', () => {
    const reply = mailboxResultReply({
      settings: SETTINGS,
      unitName: 'Liên đội A',
      receivedAt: RECEIVED,
      files: [],
      standings: [],
      senderNotListed: true,
    });
    expect(reply.text).toContain('chưa ghi nhận được tệp báo cáo nào.');
    expect(reply.text).not.toContain('tính đúng hạn');
    expect(reply.text).toContain('Thư không có tệp đính kèm.');
    expect(reply.text).toContain('đồng chí Lê Ánh Hồng (0983 018 027, vp@quandoan.example) bổ sung địa chỉ này');
  });
});

describe('unknownSenderReply', () => {
  it('says nothing was stored and how to get registered', () => {
    const reply = unknownSenderReply({ settings: SETTINGS, receivedAt: RECEIVED, candidates: [] });
    expect(reply.subject).toBe('Chưa ghi nhận báo cáo: chưa xác định được đơn vị gửi');
    expect(reply.text).toContain('chưa ghi nhận nội dung nào của thư');
    expect(reply.text).toContain(
      'Đề nghị đồng chí Lê Ánh Hồng (0983 018 027, vp@quandoan.example) thêm địa chỉ thư này',
    );
    expect(reply.text).not.toContain('một trong các đơn vị sau');
  });

  it('lists the units a shared address belongs to', () => {
    const reply = unknownSenderReply({
      settings: SETTINGS,
      receivedAt: RECEIVED,
      candidates: ['Liên đội Bồ Đề', 'Liên đội Bồ Đề 2'],
    });
    expect(reply.text).toContain('một trong các đơn vị sau');
    expect(reply.text).toContain('  - Liên đội Bồ Đề 2');
  });
});
