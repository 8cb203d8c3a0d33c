/** The one sentence that ends an error: what the person can do about it. */
export const ADVICE = {
  usage: 'Sửa lệnh theo hướng dẫn của "tonghop --help" rồi chạy lại.',
  config: 'Sửa thiết lập hoặc tham số nêu trên rồi chạy lại lệnh.',
  emulator: 'Cài trình giả lập Firestore như hướng dẫn trên (hoặc đặt FIRESTORE_EMULATOR_HOST) rồi chạy lại.',
  dataDirBusy: 'Chờ lệnh tonghop kia chạy xong rồi chạy lại.',
  formSpec: 'Sửa tệp biểu mẫu nêu trên cho đúng cấu trúc rồi chạy lại.',
  sheetRead: 'Kiểm tra đường dẫn và tệp nêu trên (mở được bằng Excel hoặc Google Trang tính) rồi chạy lại.',
  googleAccess: 'Kiểm tra quyền truy cập và mã bảng tính, thư mục trong thiết lập rồi chạy lại.',
  googleCredentials:
    'Đăng nhập lại tài khoản Google của hệ thống (gcloud auth application-default login) hoặc cấp lại TONGHOP_GOOGLE_ACCESS_TOKEN rồi chạy lại.',
  googleNotFound:
    'Kiểm tra mã bảng tính, thư mục trong thiết lập (tệp có thể đã bị xóa hoặc nằm trong Thùng rác) rồi chạy lại.',
  googleBadRequest:
    'Đặt lại tên các trang như biểu mẫu rồi chạy lại; nếu vẫn lỗi, gửi thông báo này cho người quản trị hệ thống.',
  googleNetwork:
    'Kiểm tra kết nối mạng của máy rồi chạy lại: dữ liệu đã lưu được giữ nguyên, lần chạy sau tiếp tục từ chỗ dừng.',
  googleTooLarge:
    'Xóa các trang, dòng, cột thừa trong bảng tính nêu trên hoặc tách thành nhiều bảng tính rồi chạy lại.',
  retryLater: 'Chạy lại sau ít phút: dữ liệu đã lưu được giữ nguyên, lần chạy sau tiếp tục từ chỗ dừng.',
  store:
    'Kiểm tra Firestore (hoặc trình giả lập) đang chạy và kết nối được, rồi chạy lại: lần chạy sau tiếp tục từ chỗ dừng.',
  storeDocument:
    'Một tài liệu lưu trong Firestore không đúng dạng (tên tài liệu ở dòng trên): nhờ người quản trị sửa hoặc xóa tài liệu đó, rồi chạy lại.',
  unitFileChanged: 'Một đơn vị vừa lưu tệp trong lúc chương trình ghi vào đó: chạy lại lệnh để ghi tình trạng.',
  unitFileNotRewritable: 'Nhờ đơn vị lưu lại tệp dạng .xlsx thường (không có PivotTable, macro, biểu đồ) rồi chạy lại.',
  mailAuth: 'Kiểm tra tài khoản và mật khẩu trong SMTP_URL rồi chạy lại; thư chưa gửi sẽ gửi ở lượt sau.',
  mail: 'Kiểm tra máy chủ thư (SMTP_URL) hoặc thư mục hộp thư đi rồi chạy lại; thư chưa gửi sẽ gửi ở lượt sau.',
  mailboxAccess:
    'Kiểm tra địa chỉ, tài khoản, mật khẩu ứng dụng và thư mục trong IMAP_URL rồi chạy lại; thư chưa xử lý sẽ được đọc ở lượt sau.',
  mailboxLater: 'Chạy lại sau ít phút: thư chưa xử lý sẽ được đọc ở lượt sau, không thư nào bị trả lời hai lần.',
  unexpected: 'Chạy lại lệnh; nếu vẫn lỗi, gửi thông báo này cho người quản trị hệ thống.',
} as const;
