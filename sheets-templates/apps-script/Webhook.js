/*
 * The signed call from this spreadsheet to the district's `sheetEvent` Cloud Function.
 *
 * Request:  POST <TONGHOP_ENDPOINT>, Content-Type: application/json; charset=utf-8
 *   body    {"action":"edit"|"check"|"submit","spreadsheetId":…,"unitId":…,"sheet":<tab name or null>,"sentAt":<ISO 8601>}
 *   headers X-Tonghop-Timestamp: <unix seconds>
 *           X-Tonghop-Signature: v1=<lowercase hex HMAC-SHA256(key = UTF-8 of TONGHOP_SECRET,
 *                                     message = UTF-8 of timestamp + "." + body)>
 * Reply:    {"ok": boolean, "message": "<short Vietnamese summary>"}
 *
 * tonghopSignature_, tonghopRequest_ and tonghopReadResponse_ touch no spreadsheet or network,
 * so test/unit/apps-script runs them in node:vm.
 */

/** The actions the server accepts. */
const TONGHOP_ACTIONS = Object.freeze(['edit', 'check', 'submit']);

/** What people see when the call does not give a usable answer. */
const TONGHOP_MESSAGES = Object.freeze({
  notConfigured:
    'Bảng tính này chưa được kết nối với hệ thống Tổng hợp: hãy nhờ Quận Đoàn (hoặc Tổng phụ trách Đội) chạy Tổng hợp ▸ Cài đặt kết nối…',
  badSignature:
    'Chữ ký không hợp lệ hoặc đã hết hạn: hãy chạy lại Tổng hợp ▸ Cài đặt kết nối… (hoặc nhờ Quận Đoàn chạy) rồi thử lại.',
  notRegistered:
    'Bảng tính này chưa được đăng ký với Quận Đoàn: hãy báo Quận Đoàn kiểm tra mã đơn vị và bảng tính đã đăng ký.',
  tooLarge:
    'Dữ liệu gửi đi quá lớn: hãy xoá các dòng, trang thừa rồi thử lại, hoặc báo Quận Đoàn. Hệ thống vẫn sẽ tổng hợp trong lượt quét tối nay.',
  busy: 'Máy chủ đang bận, hệ thống sẽ tự tổng hợp trong lượt quét tối nay; bạn không cần làm gì thêm.',
  network:
    'Không kết nối được máy chủ Tổng hợp, hệ thống sẽ tự tổng hợp trong lượt quét tối nay; nếu cần gấp, hãy kiểm tra mạng và thử lại sau ít phút.',
  badReply: 'Máy chủ Tổng hợp trả lời không đúng định dạng: hãy báo Quận Đoàn kiểm tra địa chỉ kết nối.',
  otherStatus: 'Máy chủ Tổng hợp từ chối yêu cầu (mã lỗi {status}): hãy báo Quận Đoàn kiểm tra Cài đặt kết nối.',
});

/** `v1` signature: lowercase hex of HMAC-SHA256(secret, timestamp + "." + body), both as UTF-8. */
function tonghopSignature_(secret, timestamp, body) {
  const bytes = Utilities.computeHmacSha256Signature(timestamp + '.' + body, secret, Utilities.Charset.UTF_8);
  // Apps Script returns Java bytes: signed, -128..127.
  return bytes.map((b) => ('0' + ((b + 256) % 256).toString(16)).slice(-2)).join('');
}

/**
 * The UrlFetchApp request for one action: `settings` {endpoint, unitId, secret},
 * `target` {spreadsheetId, sheet}, `now` a Date. The payload sent is exactly the string signed.
 */
function tonghopRequest_(action, settings, target, now) {
  if (TONGHOP_ACTIONS.indexOf(action) < 0) throw new Error('Unknown tonghop action: ' + action);
  const body = JSON.stringify({
    action: action,
    spreadsheetId: target.spreadsheetId,
    unitId: settings.unitId,
    sheet: target.sheet === undefined ? null : target.sheet,
    sentAt: now.toISOString(),
  });
  const timestamp = String(Math.floor(now.getTime() / 1000));
  return {
    url: settings.endpoint,
    options: {
      method: 'post',
      contentType: 'application/json; charset=utf-8',
      payload: body,
      headers: {
        'X-Tonghop-Timestamp': timestamp,
        'X-Tonghop-Signature': 'v1=' + tonghopSignature_(settings.secret, timestamp, body),
      },
      muteHttpExceptions: true,
    },
  };
}

/** What to tell the user about an HTTP answer: {ok, status, message}. */
function tonghopReadResponse_(status, text) {
  if (status >= 200 && status < 300) {
    const reply = tonghopParseReply_(text);
    return reply
      ? { ok: reply.ok, status: status, message: reply.message }
      : { ok: false, status: status, message: TONGHOP_MESSAGES.badReply };
  }
  return { ok: false, status: status, message: tonghopStatusMessage_(status) };
}

/** The server's {ok, message}, or null when the text is not that shape. */
function tonghopParseReply_(text) {
  let reply;
  try {
    reply = JSON.parse(text);
  } catch (_error) {
    return null;
  }
  if (!reply || typeof reply.ok !== 'boolean' || typeof reply.message !== 'string' || reply.message.trim() === '')
    return null;
  return { ok: reply.ok, message: reply.message.trim() };
}

/** The Vietnamese explanation of a non-2xx status. */
function tonghopStatusMessage_(status) {
  if (status === 401) return TONGHOP_MESSAGES.badSignature;
  if (status === 403) return TONGHOP_MESSAGES.notRegistered;
  if (status === 413) return TONGHOP_MESSAGES.tooLarge;
  if (status === 429 || status >= 500) return TONGHOP_MESSAGES.busy;
  return TONGHOP_MESSAGES.otherStatus.replace('{status}', String(status));
}

/**
 * Send one action for the active spreadsheet and return {ok, status, message}; never throws for
 * network or server trouble. Logs only the action and the status code (no sheet data, no names).
 */
function tonghopSend_(action, sheetName) {
  const settings = tonghopReadSettings_();
  if (!settings) return { ok: false, status: 0, message: TONGHOP_MESSAGES.notConfigured };
  const target = { spreadsheetId: SpreadsheetApp.getActive().getId(), sheet: sheetName };
  const request = tonghopRequest_(action, settings, target, new Date());
  let response;
  try {
    response = UrlFetchApp.fetch(request.url, request.options);
  } catch (_error) {
    // The error text can quote the URL; the status word is all the log needs.
    console.log('tonghop ' + action + ': network error');
    return { ok: false, status: 0, message: TONGHOP_MESSAGES.network };
  }
  const status = response.getResponseCode();
  console.log('tonghop ' + action + ': HTTP ' + status);
  return tonghopReadResponse_(status, response.getContentText('UTF-8'));
}
