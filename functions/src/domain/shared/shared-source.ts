/** A shared responses sheet for one form (a Google Form's responses, or one workbook for all units). */
export interface SharedSource {
  /** Where the source is stored and shown to people: 'nguon-chung-{formId}'. */
  readonly id: string;
  readonly formId: string;
  /** File name in the units folder (workbook mode) or spreadsheet id (Google mode). */
  readonly file: string;
  /** The tab holding the rows; the form's own tab name when left blank. */
  readonly tab: string;
  /** Header of the column naming each row's unit. */
  readonly unitColumn: string;
  /** Header of the column with each row's own time (Google Forms' "Dấu thời gian"). */
  readonly timeColumn: string;
  /** Row of the control's "Nguồn dữ liệu" tab, for messages. */
  readonly rowNumber: number;
}

export const DEFAULT_UNIT_COLUMN = 'Đơn vị';
export const DEFAULT_TIME_COLUMN = 'Dấu thời gian';

/** The stored id of a form's shared source; never a unit id (units are registered by the district). */
export function sharedSourceId(formId: string): string {
  return `nguon-chung-${formId}`;
}

/**
 * What people read for a shared source's stored id: "Bảng trả lời chung «form's tab»" (the id itself means nothing
 * to district staff); undefined for any other id.
 */
export function sharedSourceLabel(id: string, forms: readonly { readonly id: string; readonly tab: string }[]) {
  const form = forms.find((f) => sharedSourceId(f.id) === id);
  return form ? `Bảng trả lời chung «${form.tab}»` : undefined;
}
