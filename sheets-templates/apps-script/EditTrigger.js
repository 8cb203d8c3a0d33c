/*
 * Installable on-edit trigger (installed by Cài đặt kết nối…): tells the server the unit's data
 * changed so it can re-check and aggregate. The server reads the whole spreadsheet on every call,
 * so an edit skipped by the debounce is picked up by the next call or by the nightly sweep.
 */

/** The tab the system writes (the server's STANDING_TAB); people's edits there are not data. */
const TONGHOP_STANDING_TAB = 'Tình hình nộp';
/** Header of the column the system writes each row's status into (the server's STATUS_HEADER). */
const TONGHOP_STATUS_HEADER = 'Tình trạng (hệ thống ghi)';
/** At most one edit call per this many seconds per spreadsheet. */
const TONGHOP_EDIT_WINDOW_SECONDS = 30;
/** Header rows are looked for this far down, as the server does. */
const TONGHOP_HEADER_SCAN_ROWS = 30;

function onEditInstalled(e) {
  const range = e && e.range;
  if (!range) return;
  const sheet = range.getSheet();
  const sheetName = sheet.getName();
  if (tonghopFold_(sheetName) === tonghopFold_(TONGHOP_STANDING_TAB)) return;

  const spreadsheetId = SpreadsheetApp.getActive().getId();
  const cache = CacheService.getScriptCache();
  const windowKey = 'tonghop:edit:' + spreadsheetId;
  if (cache.get(windowKey)) return;
  if (tonghopOnlyStatusColumns_(sheet, range)) return;
  if (!tonghopClaimEditWindow_(cache, windowKey)) return;

  tonghopToast_(tonghopSend_('edit', sheetName).message);
}

/** Take the 30-second window unless another edit took it first (a lock makes check-and-set atomic). */
function tonghopClaimEditWindow_(cache, windowKey) {
  const lock = LockService.getScriptLock();
  if (!lock.tryLock(2000)) return false;
  try {
    if (cache.get(windowKey)) return false;
    cache.put(windowKey, String(Date.now()), TONGHOP_EDIT_WINDOW_SECONDS);
    return true;
  } finally {
    lock.releaseLock();
  }
}

/** Whether every edited column is a status column (its header, within the top rows, is the status header). */
function tonghopOnlyStatusColumns_(sheet, range) {
  const rows = Math.min(TONGHOP_HEADER_SCAN_ROWS, sheet.getLastRow());
  if (rows < 1) return false;
  const width = range.getNumColumns();
  const top = sheet.getRange(1, range.getColumn(), rows, width).getDisplayValues();
  for (let column = 0; column < width; column += 1) {
    if (!top.some((row) => tonghopIsStatusHeader_(row[column]))) return false;
  }
  return true;
}

/** Matches the server: 'Tình trạng (hệ thống ghi)' or plain 'Tình trạng', whatever the case, accents or spacing. */
function tonghopIsStatusHeader_(text) {
  const folded = tonghopFold_(text);
  return folded === tonghopFold_(TONGHOP_STATUS_HEADER) || folded === 'tinh trang';
}

/** Lowercase, without Vietnamese accents, punctuation as spaces: 'Tình trạng (hệ thống ghi)' → 'tinh trang he thong ghi'. */
function tonghopFold_(text) {
  return String(text)
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[đð]/g, 'd')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}
