/**
 * What the CLI says to the person at the terminal, in Vietnamese, in one place: help texts,
 * progress lines, and the sentence that ends each error saying what to do. Operator logs (the
 * JSON lines of the Cloud Functions) stay English and live with their code.
 */

const CONTROL_OPTION = 'bảng điều khiển (.xlsx) có trang "Đơn vị" (mặc định: của khu vực mẫu, trong TONGHOP_HOME)';

/** Commander's descriptions of the program, its commands and options. */
export const HELP = {
  program: 'Tổng hợp báo cáo Đoàn – Đội: đọc bảng tính của các đơn vị, kiểm tra từng dòng, lưu vào Firestore.',
  json: 'in kết quả dạng JSON (cho máy đọc) ra stdout',
  help: 'hiện hướng dẫn sử dụng',
  helpCommand: 'hiện hướng dẫn của một lệnh',
  titles: {
    'Usage:': 'Cách dùng:',
    'Options:': 'Tùy chọn:',
    'Commands:': 'Lệnh:',
    'Arguments:': 'Tham số:',
    'Global Options:': 'Tùy chọn chung:',
  } as Readonly<Record<string, string>>,
  usageWords: { '[options]': '[tùy chọn]', '[command]': '[lệnh]' } as Readonly<Record<string, string>>,
  demo: {
    description: 'tạo khu vực mẫu (bảng điều khiển và một bảng tính cho mỗi đơn vị) rồi quét vào Firestore cục bộ',
    reset: 'xóa và tạo lại khu vực mẫu trước',
  },
  sweep:
    'đọc bảng tính của các đơn vị có tên trong bảng điều khiển, kiểm tra từng dòng, lưu bài nộp; rồi thống kê, bảng tổng hợp và tình trạng từng dòng',
  summary: 'thống kê, bảng tổng hợp và tình trạng từng dòng từ dữ liệu đã lưu (không quét lại)',
  watch: 'quét một lần, rồi theo dõi thư mục đơn vị và tự quét lại mỗi khi một đơn vị lưu tệp (Ctrl-C để dừng)',
  sweepOptions: {
    control: CONTROL_OPTION,
    unitsDir: 'thư mục chứa bảng tính của các đơn vị (mặc định: units/ cạnh bảng điều khiển)',
    summary: 'tệp bảng tổng hợp cần ghi (mặc định: tong-hop-bao-cao.xlsx cạnh bảng điều khiển)',
    now: 'mốc thời gian, dạng ISO 8601, ví dụ 2024-09-15T10:05:00+07:00 (mặc định: bây giờ)',
    yes: 'vẫn chạy dù danh sách đơn vị giảm hơn một nửa so với lần chạy trước',
  },
  notify: {
    description:
      'gửi thư nhắc, đến hạn, quá hạn và báo cáo cấp trên đến hạn lúc này (mỗi thư một lần) và thư tổng hợp hằng ngày',
    control: CONTROL_OPTION,
    outbox: 'thư mục ghi tệp .eml khi chưa đặt SMTP_URL (mặc định: outbox/ cạnh bảng điều khiển)',
    dryRun: 'chỉ cho biết sẽ gửi gì; không gửi và không ghi gì',
  },
  provision: {
    description:
      'Google Trang tính: tạo hoặc bổ sung bảng tính cho mỗi đơn vị trong thư mục Drive, chia sẻ cho đơn vị, ghi mã bảng tính vào bảng điều khiển',
    template: 'chép bảng tính này (có trình đơn Apps Script) cho đơn vị mới',
  },
  deploy: {
    description:
      'triển khai Cloud Functions, chủ đề Pub/Sub, lịch Cloud Scheduler và quy tắc Firestore lên Google Cloud (--dry-run in từng lệnh)',
    project: 'dự án Google Cloud (mặc định: TONGHOP_PROJECT_ID)',
    region: 'vùng của các hàm và lịch chạy (mặc định: asia-southeast1)',
    serviceAccount: 'tài khoản dịch vụ chạy các hàm (mặc định: tonghop@<dự án>.iam.gserviceaccount.com)',
    dryRun: 'chỉ in các lệnh; không chạy gì',
  },
  webhookSecret: {
    description:
      'khóa bí mật cho Apps Script trong bảng tính của một đơn vị (Tổng hợp ▸ Cài đặt kết nối…), suy ra từ TONGHOP_WEBHOOK_KEY',
    unit: 'mã đơn vị, như trong bảng điều khiển',
  },
  templates: {
    description:
      'viết một mẫu .xlsx cho mỗi kế hoạch của bảng điều khiển (hoặc mỗi biểu mẫu mẫu với --catalog) vào sheets-templates/xlsx/',
    out: 'thư mục ghi mẫu',
    control: 'bảng điều khiển (.xlsx); mặc định: của khu vực mẫu, trong TONGHOP_HOME',
    catalog: 'dùng các biểu mẫu mẫu thay cho bảng điều khiển',
  },
  plans: {
    description: 'kế hoạch (biểu mẫu) của Quận Đoàn trong bảng điều khiển: kiểm tra, liệt kê, chép từ biểu mẫu mẫu',
    check: 'kiểm tra các trang kế hoạch và danh sách đơn vị; báo từng lỗi kèm trang, dòng, cột (mã thoát 1 nếu có lỗi)',
    list: 'liệt kê các kế hoạch của bảng điều khiển (hoặc các biểu mẫu mẫu với --catalog)',
    add: 'chép biểu mẫu mẫu vào bảng điều khiển (các trang Biểu mẫu, Cột biểu mẫu, …); giữ nguyên những gì đã có',
    ids: 'mã biểu mẫu mẫu, ví dụ tap-huan-2024 (xem: tonghop plans list --catalog)',
    control: 'bảng điều khiển (.xlsx); mặc định: của khu vực mẫu, trong TONGHOP_HOME',
    listControl: 'bảng điều khiển (.xlsx)',
    catalog: 'liệt kê các biểu mẫu mẫu có thể chép',
  },
  inspect: {
    description: 'xem dữ liệu đã lưu trong Firestore: bài nộp và vấn đề về tệp của từng đơn vị',
    unit: 'chỉ đơn vị này (mã đơn vị)',
    form: 'chỉ biểu mẫu này (mã biểu mẫu)',
    rows: 'in cả giá trị từng dòng hợp lệ (cũng có trong --json)',
  },
  invalidInstant: 'cần một thời điểm dạng ISO 8601, ví dụ 2024-09-15T10:05:00+07:00.',
} as const;

/** Labels of progress bars and lines (stderr). */
export const PROGRESS = {
  sweep: 'Đang đọc tệp của các đơn vị',
  feedback: 'Đang ghi tình trạng từng dòng',
  demoHistory: 'Đang mô phỏng lịch sử gửi báo cáo của khu vực mẫu',
  provision: 'Đang tạo bảng tính cho các đơn vị',
} as const;

/** What `tonghop watch` says while it waits for units to save their files (stderr). */
export const WATCH = {
  waiting: (dir: string) =>
    `Đang theo dõi thư mục ${dir}: khi đơn vị lưu tệp, bảng tổng hợp tự cập nhật. Nhấn Ctrl-C để dừng.`,
  changed: (files: string) => `Có tệp vừa thay đổi (${files}): đang quét lại…`,
  swept: (when: string) => `Đã cập nhật lúc ${when}.`,
  stopped: 'Đã dừng theo dõi.',
  googleSource:
    'Lệnh watch chỉ dùng cho tệp .xlsx trong máy (TONGHOP_SOURCE=workbook); với Google Trang tính, hệ thống trên đám mây tự quét 10 phút một lần trong giờ làm việc.',
} as const;

/** Lines about the local Firestore and the run itself (stderr). */
export const SESSION = {
  starting: (dataDir: string) => `Đang khởi động Firestore cục bộ (dữ liệu trong ${dataDir})…`,
  saving: 'Đang lưu dữ liệu Firestore cục bộ…',
  interrupted: (signal: string) => `Bị ngắt (${signal}): đang lưu dữ liệu Firestore cục bộ rồi dừng…`,
  interruptedSaveFailed: (signal: string, reason: string) =>
    `Bị ngắt (${signal}) và không lưu được dữ liệu Firestore cục bộ: ${reason}`,
  unitUnreadable: (unitId: string, detail: string) =>
    `Đơn vị ${unitId}: lỗi khi đọc tệp, đã ghi nhận là "không đọc được" (${detail}).`,
} as const;

/** The comment above each command `tonghop deploy` prints or runs, and its closing lines. */
export const DEPLOY = {
  build: 'biên dịch TypeScript vào functions/lib',
  apis: 'bật các API hệ thống dùng',
  topic: (topic: string) => `chủ đề Pub/Sub ${topic}`,
  httpFunction: (name: string) =>
    `Cloud Function ${name} (HTTP: Apps Script của các đơn vị gọi tới, xác thực bằng chữ ký HMAC)`,
  topicFunction: (name: string, topic: string) => `Cloud Function ${name} (chạy khi có tin ở ${topic})`,
  schedule: (job: string, cron: string) => `Cloud Scheduler: ${job} (${cron}, giờ Asia/Ho_Chi_Minh)`,
  rules: 'quy tắc Firestore (chặn mọi truy cập từ máy khách) và chỉ mục',
  kept: '  (đã có: giữ nguyên)',
  dryRunDone:
    '# --dry-run: chưa chạy lệnh nào. Tạo các secret trước: gcloud secrets create tonghop-webhook-key / tonghop-smtp-url / tonghop-imap-url (xem README, "Deploying").',
} as const;

/** What `tonghop notify` says about the instant it judged against. */
export const NOTIFY = {
  judgedAt: (when: string) => `Tính đến ${when} (giờ Việt Nam).`,
  outboxThisRun: (dir: string, count: string) => `Hộp thư đi (${dir}): ${count} thư của lần chạy này.`,
  outboxEarlier: (count: string) => `  … và ${count} thư của các lần trước.`,
} as const;

/** What `tonghop inspect` says when a filter names nothing that exists. */
export const INSPECT = {
  unknownUnit: (unitId: string) =>
    `Không có đơn vị mã '${unitId}' trong bảng điều khiển hay trong Firestore. Xem các mã ở cột "Mã đơn vị" của trang "Đơn vị" trong bảng điều khiển rồi chạy lại.`,
  unknownForm: (formId: string, known: string) =>
    `Không có biểu mẫu mã '${formId}'${known ? ` (các mã có: ${known})` : ''}. Sửa mã trong --form rồi chạy lại.`,
  noSubmissionsOfUnit: (unit: string) => `Đơn vị ${unit} chưa có bài nộp nào trong Firestore.`,
} as const;

/** Commander's English usage errors, in Vietnamese; an unknown one is kept as it is. */
export function vietnameseUsageError(message: string): string {
  const rules: readonly [RegExp, (...groups: string[]) => string][] = [
    [/^error: unknown option '(.+?)'/, (flag = '') => `lỗi: không có tùy chọn '${flag}'`],
    [/^error: unknown command '(.+?)'/, (name = '') => `lỗi: không có lệnh '${name}'`],
    [/^error: missing required argument '(.+?)'/, (name = '') => `lỗi: thiếu tham số bắt buộc '${name}'`],
    [/^error: option '(.+?)' argument missing/, (flags = '') => `lỗi: tùy chọn '${flags}' thiếu giá trị`],
    [/^error: required option '(.+?)' not specified/, (flags = '') => `lỗi: thiếu tùy chọn bắt buộc '${flags}'`],
    [
      /^error: too many arguments(?: for '(.+?)')?\. Expected (\d+) arguments? but got (\d+)\./,
      (name, expected = '', got = '') =>
        `lỗi: thừa tham số${name ? ` cho lệnh '${name}'` : ''}: cần ${expected}, nhận ${got}.`,
    ],
    [
      /^error: option '(.+?)' argument '(.*?)' is invalid\. ?(.*)$/s,
      (flags = '', value = '', why = '') => `lỗi: giá trị '${value}' của tùy chọn '${flags}' không hợp lệ: ${why}`,
    ],
  ];
  const text = message.trim();
  const suggestion = /\(Did you mean (.+?)\?\)/.exec(text)?.[1];
  for (const [pattern, render] of rules) {
    const match = pattern.exec(text);
    if (match)
      return `${render(...match.slice(1).map((g) => g ?? ''))}${suggestion ? ` (có phải ý là ${suggestion}?)` : ''}`;
  }
  return text;
}

/** Lines of the sweep report about plans rolled out into unit workbooks (stdout). */
export const ROLL_OUT = {
  tabsAdded: (units: string) =>
    `Kế hoạch mới: đã thêm trang cho ${units} đơn vị (trang trống theo mẫu, đặt sau các trang biểu mẫu).`,
} as const;
