/**
 * A Vietnamese fragment placed in a sentence: a message, a plan's title or a label that starts with a
 * capital on its own ("Thiếu cột …") is lowercased where it continues a sentence ("…: thiếu cột …"),
 * and the reverse. Only the first character changes; the Vietnamese locale's case rules.
 */

/** The fragment as the middle of a sentence: 'Thiếu cột' → 'thiếu cột'. */
export function lowerFirst(text: string): string {
  return text.charAt(0).toLocaleLowerCase('vi') + text.slice(1);
}

/** The fragment as the start of a sentence: 'đã nộp' → 'Đã nộp'. */
export function upperFirst(text: string): string {
  return text.charAt(0).toLocaleUpperCase('vi') + text.slice(1);
}
