import JSZip from 'jszip';
import {
  attributesOf,
  elementsNamed,
  readSharedStrings,
  unescapeXml,
} from '../../functions/src/adapters/workbook/xlsx-chart-xml.js';
import { partTextOrNull, worksheetParts } from '../../functions/src/adapters/workbook/xlsx-package.js';

/** One cell as stored in the package, read without exceljs: what Excel/LibreOffice will show. */
export interface PackageCell {
  /** 'string' for shared and inline strings alike; 'number' for n (dates are numbers with a date format). */
  readonly type: 'string' | 'number' | 'boolean' | 'error' | 'formula-string';
  readonly value: string;
  readonly formula: string | undefined;
  readonly numFmt: string;
}

/** What the checks compare in a saved package: cells by tab and address, and the sheet settings. */
export interface PackageView {
  readonly date1904: string | undefined;
  readonly tabs: Map<string, { cells: Map<string, PackageCell>; sheetXml: string }>;
}

// The built-in formats exceljs may write either as their id or as their code.
const BUILTIN_FORMATS: Record<string, string> = {
  '0': 'General',
  '1': '0',
  '2': '0.00',
  '3': '#,##0',
  '4': '#,##0.00',
  '9': '0%',
  '10': '0.00%',
  '14': 'mm-dd-yy',
  '49': '@',
};

/** Reads every worksheet's non-empty cells (value, type, formula, number format) and the date-system flag. */
export async function readPackage(bytes: Buffer): Promise<PackageView> {
  const zip = await JSZip.loadAsync(bytes);
  const workbookXml = (await partTextOrNull(zip, 'xl/workbook.xml')) ?? '';
  const shared = readSharedStrings((await partTextOrNull(zip, 'xl/sharedStrings.xml')) ?? '');
  const styles = (await partTextOrNull(zip, 'xl/styles.xml')) ?? '';
  const codes = new Map(
    elementsNamed(styles, 'numFmt').map((f) => [f.get('numFmtId') ?? '', f.get('formatCode') ?? '']),
  );
  const cellXfs = /<cellXfs[\s\S]*?<\/cellXfs>/.exec(styles)?.[0] ?? '';
  const formatOfStyle = elementsNamed(cellXfs, 'xf').map((xf) => {
    const id = xf.get('numFmtId') ?? '0';
    return codes.get(id) ?? BUILTIN_FORMATS[id] ?? `builtin ${id}`;
  });
  const tabs = new Map<string, { cells: Map<string, PackageCell>; sheetXml: string }>();
  for (const sheet of await worksheetParts(zip)) {
    const sheetXml = (await partTextOrNull(zip, sheet.path)) ?? '';
    const cells = new Map<string, PackageCell>();
    const sheetData = /<sheetData[\s\S]*?<\/sheetData>/.exec(sheetXml)?.[0] ?? '';
    for (const match of sheetData.matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
      const attributes = attributesOf(match[1] ?? '');
      const body = match[2] ?? '';
      const raw = /<v>([\s\S]*?)<\/v>/.exec(body)?.[1];
      const formula = /<f\b[^>]*>([\s\S]*?)<\/f>/.exec(body)?.[1];
      const t = attributes.get('t') ?? 'n';
      const value =
        t === 'inlineStr'
          ? [...body.matchAll(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>/g)].map((x) => unescapeXml(x[1] ?? '')).join('')
          : t === 's'
            ? (shared[Number(raw)] ?? '')
            : unescapeXml(raw ?? '');
      if (value === '' && formula === undefined) continue;
      const type =
        t === 's' || t === 'inlineStr'
          ? 'string'
          : t === 'b'
            ? 'boolean'
            : t === 'e'
              ? 'error'
              : t === 'str'
                ? 'formula-string'
                : 'number';
      const numFmt = formatOfStyle[Number(attributes.get('s') ?? '0')] ?? 'General';
      cells.set(attributes.get('r') ?? '', {
        type,
        value: type === 'number' && value !== '' ? String(Number(value)) : value,
        formula: formula === undefined ? undefined : unescapeXml(formula),
        numFmt,
      });
    }
    tabs.set(sheet.name, { cells, sheetXml });
  }
  return { date1904: /<(?:\w+:)?workbookPr\b[^>]*?\sdate1904="([^"]*)"/.exec(workbookXml)?.[1], tabs };
}

/** Cell references that carry a note (legacy comment), in any comments part of the package. */
export async function noteRefs(bytes: Buffer): Promise<string[]> {
  const zip = await JSZip.loadAsync(bytes);
  const parts = Object.keys(zip.files).filter((name) => /comments?\d*\.xml$/i.test(name) && !name.includes('threaded'));
  const refs = await Promise.all(
    parts.map(async (name) =>
      elementsNamed((await partTextOrNull(zip, name)) ?? '', 'comment').map((c) => c.get('ref') ?? ''),
    ),
  );
  return refs.flat().sort();
}

/**
 * How many cells the unit typed differ after a write-back (value, type, formula, number format),
 * cell by cell: every cell of every tab the unit had, except our status column and our own tabs.
 * A cell gone, changed, or added outside the status column counts once.
 */
export function typedCellsChanged(
  before: PackageView,
  after: PackageView,
  ownTabs: readonly string[],
  statusHeader: string,
): number {
  let changed = 0;
  for (const [tabName, tab] of before.tabs) {
    if (ownTabs.includes(tabName)) continue;
    const saved = after.tabs.get(tabName);
    if (!saved) {
      changed += tab.cells.size;
      continue;
    }
    const statusColumns = new Set(
      [...tab.cells, ...saved.cells].filter(([, cell]) => cell.value === statusHeader).map(([ref]) => columnOf(ref)),
    );
    const refs = new Set([...tab.cells.keys(), ...saved.cells.keys()]);
    for (const ref of refs) {
      if (statusColumns.has(columnOf(ref))) continue;
      if (JSON.stringify(tab.cells.get(ref)) !== JSON.stringify(saved.cells.get(ref))) changed++;
    }
  }
  return changed;
}

function columnOf(ref: string): string {
  return /^[A-Z]+/.exec(ref)?.[0] ?? '';
}
