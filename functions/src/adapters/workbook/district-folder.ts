/**
 * A workbook district's folder, as the demo writes it and the CLI finds it by default:
 * <folder>/control.xlsx, and each unit's workbook in <folder>/units/.
 */
export const CONTROL_FILE = 'control.xlsx';
export const UNITS_DIR = 'units';
