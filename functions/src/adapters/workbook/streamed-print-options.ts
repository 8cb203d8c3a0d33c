import type ExcelJS from 'exceljs';

/** The part of exceljs's streaming WorksheetWriter this file relies on (not in its typings). */
interface WorksheetWriterInternals {
  _write(text: string): void;
  _writePageMargins(): void;
}

/**
 * exceljs's streaming worksheet writer never writes `<printOptions>`, so `pageSetup.horizontalCentered` would be lost
 * (the in-memory writer keeps it). Written here where the schema puts it, right before the page margins.
 */
export function keepPrintCentring(sheet: ExcelJS.Worksheet): void {
  if (!sheet.pageSetup.horizontalCentered) return;
  const writer = sheet as unknown as WorksheetWriterInternals;
  const writeMargins = writer._writePageMargins.bind(writer);
  writer._writePageMargins = () => {
    writer._write('<printOptions horizontalCentered="1"/>');
    writeMargins();
  };
}
