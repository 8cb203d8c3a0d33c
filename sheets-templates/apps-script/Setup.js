/*
 * Connection settings, kept in Script Properties (never in the sheet, where every editor and
 * every copy would see them), and the dialog the Tổng phụ trách or the district operator runs
 * once per unit spreadsheet.
 */

/** Script Property names. */
const TONGHOP_PROPERTY = Object.freeze({
  endpoint: 'TONGHOP_ENDPOINT',
  unitId: 'TONGHOP_UNIT_ID',
  secret: 'TONGHOP_SECRET',
});

/** Unit ids as the district registers them: lowercase words joined by '-'. */
const TONGHOP_UNIT_ID_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;
/** Shortest secret accepted: 32 characters (e.g. 128 bits written in hex). */
const TONGHOP_SECRET_MIN_LENGTH = 32;
/** The installable trigger's handler (EditTrigger.js). */
const TONGHOP_EDIT_HANDLER = 'onEditInstalled';

/** {endpoint, unitId, secret}, or null while any of the three is missing. */
function tonghopReadSettings_() {
  const stored = PropertiesService.getScriptProperties().getProperties();
  const endpoint = stored[TONGHOP_PROPERTY.endpoint];
  const unitId = stored[TONGHOP_PROPERTY.unitId];
  const secret = stored[TONGHOP_PROPERTY.secret];
  if (!endpoint || !unitId || !secret) return null;
  return { endpoint: endpoint, unitId: unitId, secret: secret };
}

/** Menu Tổng hợp ▸ Cài đặt kết nối…: ask the three settings, store them, install the edit trigger, test the connection. */
function tonghopMenuSetup() {
  const ui = SpreadsheetApp.getUi();
  const properties = PropertiesService.getScriptProperties();
  const current = properties.getProperties();

  const endpoint = tonghopAsk_(ui, {
    title: 'Cài đặt kết nối (1/3): địa chỉ máy chủ',
    question: 'Dán địa chỉ hàm sheetEvent do Quận Đoàn cung cấp (bắt đầu bằng https://).',
    current: current[TONGHOP_PROPERTY.endpoint],
    check: (text) => (/^https:\/\/\S+$/.test(text) ? '' : 'Địa chỉ phải bắt đầu bằng https:// và không có dấu cách.'),
  });
  if (endpoint === null) return tonghopSetupCancelled_();

  const unitId = tonghopAsk_(ui, {
    title: 'Cài đặt kết nối (2/3): mã đơn vị',
    question: 'Nhập mã đơn vị do Quận Đoàn cấp (chữ thường không dấu, số và dấu gạch ngang, ví dụ: thcs-nguyen-du).',
    current: current[TONGHOP_PROPERTY.unitId],
    check: (text) =>
      TONGHOP_UNIT_ID_PATTERN.test(text)
        ? ''
        : 'Mã đơn vị chỉ gồm chữ thường không dấu, số và dấu gạch ngang, ví dụ: thcs-nguyen-du.',
  });
  if (unitId === null) return tonghopSetupCancelled_();

  const secret = tonghopAsk_(ui, {
    title: 'Cài đặt kết nối (3/3): khoá bí mật',
    question: 'Dán khoá bí mật của đơn vị do Quận Đoàn cấp. Không chia sẻ khoá này với người khác.',
    current: current[TONGHOP_PROPERTY.secret],
    hideCurrent: true,
    check: (text) =>
      text.length >= TONGHOP_SECRET_MIN_LENGTH && !/\s/.test(text)
        ? ''
        : 'Khoá bí mật phải dài ít nhất ' +
          TONGHOP_SECRET_MIN_LENGTH +
          ' ký tự và không có dấu cách; hãy dán lại đúng khoá Quận Đoàn gửi.',
  });
  if (secret === null) return tonghopSetupCancelled_();

  const settings = {};
  settings[TONGHOP_PROPERTY.endpoint] = endpoint;
  settings[TONGHOP_PROPERTY.unitId] = unitId;
  settings[TONGHOP_PROPERTY.secret] = secret;
  properties.setProperties(settings);
  tonghopInstallEditTrigger_();

  const test = tonghopSend_('check', tonghopActiveSheetName_());
  ui.alert(
    'Cài đặt kết nối',
    'Đã lưu cài đặt và bật tự động kiểm tra khi sửa bảng tính.\n\nThử kết nối: ' + test.message,
    ui.ButtonSet.OK,
  );
}

/**
 * Ask one setting until it is valid. Returns the new value, the current one when the answer is
 * left blank, or null when the person cancels.
 */
function tonghopAsk_(ui, field) {
  let note = '';
  for (;;) {
    const shown = field.current
      ? field.hideCurrent
        ? 'đã có (để trống để giữ nguyên)'
        : field.current + ' (để trống để giữ nguyên)'
      : 'chưa có';
    const response = ui.prompt(
      field.title,
      (note ? note + '\n\n' : '') + field.question + '\nHiện tại: ' + shown,
      ui.ButtonSet.OK_CANCEL,
    );
    if (response.getSelectedButton() !== ui.Button.OK) return null;
    const text = response.getResponseText().trim();
    if (text === '' && field.current) return field.current;
    note = text === '' ? 'Chưa nhập gì.' : field.check(text);
    if (note === '') return text;
  }
}

function tonghopSetupCancelled_() {
  SpreadsheetApp.getActive().toast('Đã huỷ, cài đặt kết nối giữ nguyên như cũ.', 'Tổng hợp', 8);
}

/**
 * Exactly one on-edit trigger for this spreadsheet: re-running setup replaces the old one.
 * Only the current user's triggers are visible to ScriptApp, so the operator should always be
 * the one who runs setup (see README).
 */
function tonghopInstallEditTrigger_() {
  ScriptApp.getProjectTriggers()
    .filter((trigger) => trigger.getHandlerFunction() === TONGHOP_EDIT_HANDLER)
    .forEach((trigger) => ScriptApp.deleteTrigger(trigger));
  ScriptApp.newTrigger(TONGHOP_EDIT_HANDLER).forSpreadsheet(SpreadsheetApp.getActive()).onEdit().create();
}

/** Whether the current user has the on-edit trigger installed. */
function tonghopHasEditTrigger_() {
  return ScriptApp.getProjectTriggers().some((trigger) => trigger.getHandlerFunction() === TONGHOP_EDIT_HANDLER);
}
