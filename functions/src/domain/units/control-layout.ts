import { formSpecSchema, type FormSpec } from '../forms/form-spec.js';
import { UNIT_TYPE_LABELS } from './unit.js';

/**
 * The district's control workbook (or spreadsheet), read with the same form machinery
 * as unit sheets so its rows get the same Vietnamese messages:
 * - "Đơn vị": one row per unit (the registry);
 * - the plan tabs ("Biểu mẫu", "Cột biểu mẫu", …: domain/plans/plan-layout.ts), the district's own plans;
 * - "Thông tin chung": the district's name and contact, as label/value rows.
 */
const NO_PERIOD = { type: 'once', due: { date: '2000-01-01' } } as const;
const NO_TARGET = { unitTypes: ['lien-doi'] } as const;

/** The units registry tab. */
export const UNITS_TAB_SPEC: FormSpec = formSpecSchema.parse({
  id: 'control-units',
  title: 'Danh sách đơn vị',
  issuer: 'Quận Đoàn',
  kind: 'registration',
  tab: 'Đơn vị',
  columns: [
    {
      key: 'id',
      header: 'Mã đơn vị',
      aliases: ['Mã'],
      type: 'text',
      required: true,
      maxLength: 60,
      help: 'Viết liền, không dấu, ví dụ th-luong-the-vinh.',
    },
    { key: 'name', header: 'Tên đơn vị', aliases: ['Đơn vị', 'Tên'], type: 'text', required: true, maxLength: 150 },
    {
      key: 'type',
      header: 'Loại đơn vị',
      aliases: ['Loại'],
      type: 'enum',
      required: true,
      options: [
        { value: UNIT_TYPE_LABELS['lien-doi'], aliases: ['LĐ', 'Liên đội trường'] },
        { value: UNIT_TYPE_LABELS['co-so-doan'], aliases: ['Đoàn cơ sở', 'Cơ sở', 'CSĐ'] },
        { value: UNIT_TYPE_LABELS['chi-doan'], aliases: ['Chi đoàn cơ sở', 'Chi đoàn bộ phận'] },
      ],
    },
    { key: 'level', header: 'Cấp học / Khối', aliases: ['Cấp học', 'Khối', 'Cấp'], type: 'text', maxLength: 60 },
    { key: 'cluster', header: 'Cụm thi đua', aliases: ['Cụm'], type: 'text', maxLength: 60 },
    {
      key: 'contactName',
      header: 'Người liên hệ',
      aliases: ['Người phụ trách', 'Liên hệ'],
      type: 'text',
      maxLength: 80,
    },
    { key: 'contactEmail', header: 'Email', aliases: ['Thư điện tử', 'E-mail'], type: 'email' },
    { key: 'contactPhone', header: 'Số điện thoại', aliases: ['SĐT', 'Điện thoại'], type: 'phone' },
    {
      key: 'members',
      header: 'Số đội viên / đoàn viên',
      aliases: ['Số đội viên', 'Số đoàn viên', 'Số ĐVTN'],
      type: 'int',
      min: 0,
    },
    {
      key: 'source',
      header: 'Tệp báo cáo',
      aliases: ['Tệp', 'File', 'Bảng tính'],
      type: 'text',
      maxLength: 300,
      help: 'Tên tệp .xlsx trong thư mục đơn vị, hoặc mã bảng tính Google. Để trống: tệp <mã đơn vị>.xlsx; với Google Trang tính, lệnh tonghop provision tạo bảng tính và tự ghi mã vào đây.',
    },
    { key: 'activeFrom', header: 'Hoạt động từ', aliases: ['Từ ngày'], type: 'date' },
    { key: 'activeTo', header: 'Hoạt động đến', aliases: ['Đến ngày'], type: 'date' },
    // Last, so the columns district staff already know keep their letters.
    {
      key: 'aliases',
      header: 'Tên khác',
      aliases: ['Tên gọi khác', 'Tên viết tắt'],
      type: 'text',
      maxLength: 500,
      help: 'Các tên khác của đơn vị, cách nhau bằng dấu chấm phẩy (;), ví dụ: Trường Lương Thế Vinh; LTV. Dùng để nhận ra đơn vị trong bảng trả lời chung.',
    },
    // After "Tên khác" for the same reason: the org tree came later.
    {
      key: 'parent',
      header: 'Đơn vị cấp trên',
      aliases: ['Cấp trên', 'Trực thuộc', 'Đơn vị trực thuộc'],
      type: 'text',
      maxLength: 150,
      help: 'Mã hoặc tên của cơ sở Đoàn mà đơn vị này trực thuộc (ví dụ chi đoàn thuộc Đoàn trường). Để trống: trực thuộc Quận Đoàn.',
    },
  ],
  period: NO_PERIOD,
  targets: NO_TARGET,
  minRows: 0,
});

/** The district settings tab: label in column A, value in column B. */
export const SETTINGS_TAB = 'Thông tin chung';

export const SETTINGS_LABELS = {
  districtName: 'Tên đơn vị tổng hợp',
  officeEmail: 'Email văn phòng',
  contactName: 'Cán bộ phụ trách',
  contactPhone: 'Số điện thoại liên hệ',
} as const;

/**
 * Optional rows of the same tab for the report to the level above (tonghop report): the issuing
 * body's header, the document code and the signature. Blank rows take the defaults of
 * domain/report/report-heading.ts.
 */
export const REPORT_SETTINGS_LABELS = {
  parentBody: 'Cơ quan cấp trên',
  issuerName: 'Tên cơ quan ban hành',
  headerRight: 'Tiêu đề góc phải',
  place: 'Địa danh',
  documentCode: 'Ký hiệu văn bản',
  signingAuthority: 'Thẩm quyền ký',
  signerTitle: 'Chức vụ người ký',
  signerName: 'Người ký',
  recipients: 'Nơi nhận báo cáo',
} as const;

/** Optional settings that switch a way of working on when their value is "Có". */
export const FEATURE_SETTINGS_LABELS = {
  /** The district reviews submissions in the summary's "Duyệt báo cáo" tab. */
  reviewSubmissions: 'Duyệt báo cáo',
} as const;
