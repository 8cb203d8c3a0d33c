import { formSpecSchema, type FormSpec } from '../forms/form-spec.js';
import { DEFAULT_TIME_COLUMN, DEFAULT_UNIT_COLUMN } from './shared-source.js';

/** The word in 'Loại nguồn' for a shared responses sheet, the only kind so far (and the default). */
export const SHARED_KIND_LABEL = 'Bảng chung';

/** The control's "Nguồn dữ liệu" tab: one row per form collected through one shared sheet. */
export const SHARED_SOURCES_TAB_SPEC: FormSpec = formSpecSchema.parse({
  id: 'control-shared-sources',
  title: 'Nguồn dữ liệu chung',
  issuer: 'Quận Đoàn',
  kind: 'registration',
  tab: 'Nguồn dữ liệu',
  columns: [
    { key: 'formId', header: 'Mã biểu mẫu', aliases: ['Biểu mẫu'], type: 'text', required: true, maxLength: 60 },
    {
      key: 'kind',
      header: 'Loại nguồn',
      aliases: ['Loại'],
      type: 'enum',
      options: [{ value: SHARED_KIND_LABEL, aliases: ['Chung', 'Bảng trả lời chung', 'Google Form'] }],
    },
    {
      key: 'file',
      header: 'Tệp/Bảng tính',
      aliases: ['Tệp', 'Bảng tính', 'Tệp báo cáo'],
      type: 'text',
      required: true,
      maxLength: 300,
      help: 'Tên tệp .xlsx trong thư mục đơn vị, hoặc mã bảng tính Google (bảng câu trả lời của Google Biểu mẫu).',
    },
    {
      key: 'tab',
      header: 'Trang tính',
      aliases: ['Trang'],
      type: 'text',
      maxLength: 100,
      help: 'Để trống: trang cùng tên với biểu mẫu.',
    },
    {
      key: 'unitColumn',
      header: 'Cột đơn vị',
      type: 'text',
      maxLength: 100,
      help: `Để trống: '${DEFAULT_UNIT_COLUMN}'.`,
    },
    {
      key: 'timeColumn',
      header: 'Cột thời gian',
      type: 'text',
      maxLength: 100,
      help: `Để trống: '${DEFAULT_TIME_COLUMN}'.`,
    },
  ],
  period: { type: 'once', due: { date: '2000-01-01' } },
  targets: { unitTypes: ['lien-doi'] },
  minRows: 0,
});
