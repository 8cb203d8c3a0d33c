/*
 * The "Tổng hợp" menu. Apps Script keeps functions whose name ends in "_" private (a menu
 * cannot call them), so the menu handlers are the public tonghopMenu* functions.
 */

/** Title of toasts and alerts. */
const TONGHOP_TITLE = 'Tổng hợp';
/** How long a toast stays, in seconds. */
const TONGHOP_TOAST_SECONDS = 8;

function onOpen() {
  SpreadsheetApp.getUi()
    .createMenu(TONGHOP_TITLE)
    .addItem('Kiểm tra dữ liệu', 'tonghopMenuCheck')
    .addItem('Nộp báo cáo', 'tonghopMenuSubmit')
    .addSeparator()
    .addItem('Cài đặt kết nối…', 'tonghopMenuSetup')
    .addItem('Giới thiệu', 'tonghopMenuAbout')
    .addToUi();
}

/** Menu Tổng hợp ▸ Kiểm tra dữ liệu: the server checks the sheet and writes each row's status; it never submits a "Bấm nộp" form. */
function tonghopMenuCheck() {
  tonghopToast_('Đang kiểm tra dữ liệu…');
  tonghopToast_(tonghopSend_('check', tonghopActiveSheetName_()).message);
}

/** Menu Tổng hợp ▸ Nộp báo cáo: after a confirmation, the server records the unit's report (action 'submit': the only call that submits a "Bấm nộp" form). */
function tonghopMenuSubmit() {
  const ui = SpreadsheetApp.getUi();
  const answer = ui.alert(
    'Nộp báo cáo',
    'Gửi báo cáo của đơn vị lên Quận Đoàn? Hệ thống sẽ kiểm tra và ghi nhận bảng tính như hiện tại. Sửa sau khi nộp là bản nháp: hãy bấm Nộp báo cáo lần nữa để gửi bản đã sửa.',
    ui.ButtonSet.YES_NO,
  );
  if (answer !== ui.Button.YES) return;
  const result = tonghopSend_('submit', tonghopActiveSheetName_());
  ui.alert(result.ok ? 'Nộp báo cáo' : 'Chưa nộp được báo cáo', result.message, ui.ButtonSet.OK);
}

/** Menu Tổng hợp ▸ Giới thiệu: what the script does and whether this copy is connected (never the secret). */
function tonghopMenuAbout() {
  const ui = SpreadsheetApp.getUi();
  const settings = tonghopReadSettings_();
  const connection = settings
    ? 'Đã kết nối: mã đơn vị ' +
      settings.unitId +
      ', máy chủ ' +
      tonghopHost_(settings.endpoint) +
      '.\n' +
      (tonghopHasEditTrigger_()
        ? 'Tự động kiểm tra khi sửa: đang bật.'
        : 'Tự động kiểm tra khi sửa: chưa bật với tài khoản của bạn.')
    : 'Chưa kết nối: hãy nhờ Quận Đoàn chạy Tổng hợp ▸ Cài đặt kết nối…';
  ui.alert(
    'Giới thiệu',
    'Tổng hợp báo cáo Đoàn – Đội.\n\n' +
      'Kiểm tra dữ liệu: hệ thống đọc bảng tính, ghi tình trạng từng dòng vào cột "' +
      TONGHOP_STATUS_HEADER +
      '" và trang "' +
      TONGHOP_STANDING_TAB +
      '".\n' +
      'Nộp báo cáo: gửi báo cáo của đơn vị lên Quận Đoàn. Với biểu mẫu "Bấm nộp", chỉ bản đã nộp được tính; sửa sau đó là bản nháp cho đến khi nộp lại. Kiểm tra dữ liệu không nộp báo cáo.\n' +
      'Khi bạn sửa bảng tính, hệ thống tự kiểm tra (tối đa một lần mỗi ' +
      TONGHOP_EDIT_WINDOW_SECONDS +
      ' giây) và tổng hợp lại mỗi đêm.\n\n' +
      connection,
    ui.ButtonSet.OK,
  );
}

/** Name of the tab the user is on, or null. */
function tonghopActiveSheetName_() {
  const sheet = SpreadsheetApp.getActive().getActiveSheet();
  return sheet ? sheet.getName() : null;
}

/** Show a message in the corner of the spreadsheet; a toast that cannot be shown is not worth failing for. */
function tonghopToast_(message) {
  try {
    SpreadsheetApp.getActive().toast(message, TONGHOP_TITLE, TONGHOP_TOAST_SECONDS);
  } catch (_error) {
    console.log('tonghop: toast not shown');
  }
}

/** 'https://asia-southeast1-x.cloudfunctions.net/sheetEvent' → 'asia-southeast1-x.cloudfunctions.net'. */
function tonghopHost_(url) {
  const match = /^https?:\/\/([^/?#]+)/.exec(url);
  return match ? match[1] : url;
}
