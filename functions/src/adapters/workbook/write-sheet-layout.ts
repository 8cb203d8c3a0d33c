/** A value the writers put in a cell as is: strings stay strings, even '=1+1'. */
export type WritableCell = string | number | boolean | Date | null;
/** One data row in the form's column order, without the status cell. */
export type WritableRow = readonly WritableCell[];

/** Row of the column headers in every form sheet we write (rows 1–4 are titles). */
export const HEADER_ROW = 5;
/** First data row under the header. */
export const FIRST_DATA_ROW = 6;
