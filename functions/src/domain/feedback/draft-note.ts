import type { FormDraft } from '../submissions/explicit-submission.js';
import { formatClockAndDate } from '../time/ict.js';

/** The "Tình hình nộp" note of a "Bấm nộp" form edited since its submission: 'Bản nháp chưa nộp: sửa lúc 08:05 23/09/2024; bấm Nộp báo cáo để gửi'. */
export function draftNote(draft: FormDraft): string {
  return `Bản nháp chưa nộp: sửa lúc ${formatClockAndDate(draft.editedAt)}; bấm Nộp báo cáo để gửi`;
}
