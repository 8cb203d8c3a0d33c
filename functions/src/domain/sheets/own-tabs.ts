import { STANDING_TAB } from '../feedback/unit-feedback.js';

/** Name of the help tab added to templates and unit workbooks. */
export const HELP_SHEET = 'Hướng dẫn';

/** Name of the (hidden) tab holding the drop-down lists of a template. */
export const LISTS_SHEET = 'Danh mục';

/** Tabs the system itself writes into a unit's sheet: never a unit's data, never read as a form. */
export const OWN_TABS: readonly string[] = [STANDING_TAB, HELP_SHEET, LISTS_SHEET];
