/** Answers people read in a toast: short, Vietnamese, no internal detail. */
export const REFUSALS = {
  method: 'Chỉ nhận yêu cầu POST từ bảng tính của đơn vị.',
  tooLarge: 'Dữ liệu gửi đi quá lớn.',
  malformed: 'Yêu cầu không đúng định dạng.',
  signature: 'Chữ ký không hợp lệ hoặc đã hết hạn.',
  replayed: 'Yêu cầu này đã được gửi trước đó.',
  unregistered: 'Đơn vị chưa được đăng ký với Quận Đoàn.',
  otherSheet: 'Bảng tính này không phải bảng tính đã đăng ký của đơn vị.',
  notConfigured: 'Máy chủ Tổng hợp chưa được cấu hình; hệ thống sẽ tổng hợp trong lượt quét tối nay.',
  failed: 'Máy chủ Tổng hợp gặp lỗi; hệ thống sẽ tổng hợp trong lượt quét tối nay.',
} as const;

/** The answer to a unit that sent another event within the minimum interval. */
export function tooSoonMessage(retryAfterSeconds: number): string {
  return `Đơn vị vừa gửi yêu cầu; hệ thống sẽ kiểm tra lại sau ${retryAfterSeconds} giây.`;
}
