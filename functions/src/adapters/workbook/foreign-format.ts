/**
 * Files that are not .xlsx packages but arrive named .xlsx (or as .xls): a Vietnamese message that
 * says what the file is and how to save it as .xlsx, instead of calling it damaged.
 */

const CFB_SIGNATURE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const ENCRYPTED_STREAM = Buffer.from('EncryptedPackage', 'utf16le');
const ODS_MIMETYPE = 'application/vnd.oasis.opendocument.spreadsheet';
const SAVE_AS_XLSX =
  'Excel: Tệp ▸ Lưu thành ▸ Excel Workbook (.xlsx); LibreOffice: Tệp ▸ Lưu thành ▸ Excel 2007-365 (.xlsx)';

/** The message for a file in a format we do not read, or undefined for anything else (a zip, or unknown bytes). */
export function foreignFormatMessage(bytes: Buffer, fileName: string): string | undefined {
  if (bytes.subarray(0, CFB_SIGNATURE.length).equals(CFB_SIGNATURE)) {
    // Both old .xls and password-protected .xlsx are OLE compound files; only the latter has this stream.
    if (bytes.includes(ENCRYPTED_STREAM)) {
      return `Tệp '${fileName}' được đặt mật khẩu nên hệ thống không mở được. Hãy mở tệp, gỡ mật khẩu (Excel: Tệp ▸ Thông tin ▸ Bảo vệ sổ làm việc ▸ Mã hóa bằng mật khẩu, xóa mật khẩu; LibreOffice: Tệp ▸ Lưu thành, bỏ chọn "Lưu với mật khẩu"), lưu lại dạng .xlsx và gửi lại.`;
    }
    return `Tệp '${fileName}' là tệp Excel đời cũ (.xls), hệ thống chỉ đọc được .xlsx. Hãy mở tệp và lưu lại dạng .xlsx (${SAVE_AS_XLSX}) rồi gửi lại.`;
  }
  // An OpenDocument package starts with an uncompressed 'mimetype' entry naming its type.
  if (
    bytes.subarray(0, 4).toString('latin1') === 'PK\u0003\u0004' &&
    bytes.subarray(30, 38).toString('latin1') === 'mimetype'
  ) {
    if (
      bytes
        .subarray(38, 38 + 80)
        .toString('latin1')
        .startsWith(ODS_MIMETYPE)
    ) {
      return `Tệp '${fileName}' là bảng tính OpenDocument (.ods) được đổi tên thành .xlsx, hệ thống chỉ đọc được .xlsx. Hãy mở tệp bằng LibreOffice và lưu lại dạng .xlsx (Tệp ▸ Lưu thành ▸ Excel 2007-365 (.xlsx)) rồi gửi lại.`;
    }
  }
  return undefined;
}
