import {
  AlignmentType,
  BorderStyle,
  Document,
  Header,
  LeaderType,
  Packer,
  PageNumber,
  Paragraph,
  TabStopType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
  type IBorderOptions,
  type IRunOptions,
} from 'docx';
import type { ReportBlock, ReportDocument } from '../../domain/report/report-document.js';

/*
 * Typesetting of the report per Nghị định 30/2020/NĐ-CP, Phụ lục I: A4, margins top and bottom
 * 20 mm, left 30 mm, right 15 mm; Times New Roman; body 14 pt, justified, first-line indent 1 cm;
 * page numbers centred at the top from page 2. The heading and the signature sit in borderless
 * two-column tables, as offices lay them out in Word.
 */

const FONT = 'Times New Roman';
/** Twips from millimetres, rounded (docx's own helper truncates: 20 mm would be 1133). */
const mm = (millimetres: number) => Math.round((millimetres * 1440) / 25.4);
const MARGIN = { top: 20, bottom: 20, left: 30, right: 15 } as const;
/** A4 in twips (210 × 297 mm), as Word writes it. */
const A4 = { width: 11906, height: 16838 } as const;
/** A4 width less the side margins, in twips. */
const TEXT_WIDTH = A4.width - mm(MARGIN.left) - mm(MARGIN.right);
const LEFT_SHARE = 0.45;
/** Half-points (docx) from points. */
const pt = (points: number) => points * 2;
const NONE: IBorderOptions = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
const NO_BORDERS = { top: NONE, bottom: NONE, left: NONE, right: NONE, insideHorizontal: NONE, insideVertical: NONE };
const LINE: IBorderOptions = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
const GRID = { top: LINE, bottom: LINE, left: LINE, right: LINE, insideHorizontal: LINE, insideVertical: LINE };

/** The report as a .docx file's bytes. */
export async function docxReport(report: ReportDocument): Promise<Buffer> {
  const document = new Document({
    creator: 'tonghop',
    title: `${report.title} ${report.subject}`,
    styles: {
      default: { document: { run: { font: FONT, size: pt(14) }, paragraph: { spacing: { after: 120, line: 300 } } } },
    },
    sections: [
      {
        properties: {
          titlePage: true,
          page: {
            size: A4,
            margin: {
              top: mm(MARGIN.top),
              bottom: mm(MARGIN.bottom),
              left: mm(MARGIN.left),
              right: mm(MARGIN.right),
              header: mm(10),
            },
          },
        },
        headers: {
          default: new Header({ children: [centered([{ children: [PageNumber.CURRENT], size: pt(13) }])] }),
          first: new Header({ children: [new Paragraph({})] }),
        },
        children: [
          headingTable(report),
          ...titleBlock(report),
          ...report.body.flatMap((b, i) => block(b, i === report.body.length - 1)),
          signatureTable(report),
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}

function headingTable({ heading }: ReportDocument): Table {
  const state = heading.rightLines.length > 1;
  // 12 pt in a state heading's narrower left column, so "PHÒNG GIÁO DỤC VÀ ĐÀO TẠO" stays on one line.
  const size = pt(state ? 12 : 13);
  const left = [
    ...(heading.parentBody ? [centered([{ text: heading.parentBody, size }])] : []),
    centered([{ text: heading.issuerName, bold: true, size }]),
    // Đoàn documents put "***" under the issuer; the decree a short solid line.
    state ? shortLine(mm(20)) : centered([{ text: '***', size: pt(13) }]),
  ];
  // The quốc hiệu at 12 pt fits one line in the wider right column; the last line (Đoàn header or tiêu ngữ) is underlined.
  const right = heading.rightLines.map((line, i) =>
    centered([
      {
        text: line,
        bold: true,
        size: pt(state && i === 0 ? 12 : 14),
        underline: i === heading.rightLines.length - 1 ? {} : undefined,
      },
    ]),
  );
  const dateLine = new Paragraph({
    alignment: AlignmentType.CENTER,
    children: [new TextRun({ text: heading.placeDate, italics: true, size: pt(14) })],
  });
  return twoColumns(
    [
      [left, right],
      [[centered([{ text: heading.numberLine, size: pt(13) }])], [dateLine]],
    ],
    { leftShare: state ? 0.4 : LEFT_SHARE },
  );
}

/** A short centred rule (a paragraph's bottom border, inset from both sides). */
function shortLine(inset: number): Paragraph {
  return new Paragraph({
    spacing: { after: 120 },
    indent: { left: inset, right: inset },
    border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 } },
    children: [],
  });
}

function titleBlock(report: ReportDocument): Paragraph[] {
  return [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { before: 360, after: 0 },
      children: [new TextRun({ text: report.title, bold: true, size: pt(14) })],
    }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { after: 0 },
      children: [new TextRun({ text: report.subject, bold: true, size: pt(14) })],
    }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { after: 240 },
      children: [new TextRun({ text: '-----', size: pt(14) })],
    }),
  ];
}

/** One body block; the last one is kept on the signature's page (no signature alone on a page). */
function block(b: ReportBlock, last: boolean): (Paragraph | Table)[] {
  switch (b.kind) {
    case 'heading':
      // Kept with what follows: a section heading never ends a page alone.
      return [
        new Paragraph({
          spacing: { before: 120, after: 120 },
          keepNext: true,
          indent: { firstLine: mm(10) },
          children: [new TextRun({ text: b.text, bold: true })],
        }),
      ];
    case 'paragraph':
      return [body(b.text, last)];
    case 'list':
      return b.items.map((item) => body(item));
    case 'placeholder':
      return [
        new Paragraph({
          alignment: AlignmentType.JUSTIFIED,
          indent: { firstLine: mm(10) },
          children: [new TextRun({ text: b.hint, italics: true })],
        }),
        ...Array.from(
          { length: b.lines },
          () =>
            new Paragraph({
              tabStops: [{ type: TabStopType.RIGHT, position: TEXT_WIDTH, leader: LeaderType.DOT }],
              children: [new TextRun({ text: '\t' })],
            }),
        ),
      ];
    case 'table':
      return [resultsTable(b.columns, b.rows, b.firstShare), new Paragraph({ spacing: { after: 60 } })];
  }
}

function body(text: string, keepNext = false): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    keepNext,
    indent: { firstLine: mm(10) },
    children: [new TextRun({ text })],
  });
}

function resultsTable(
  columns: readonly string[],
  rows: Extract<ReportBlock, { kind: 'table' }>['rows'],
  firstShare = 0.28,
): Table {
  const first = Math.round(TEXT_WIDTH * firstShare);
  const other = Math.floor((TEXT_WIDTH - first) / Math.max(1, columns.length - 1));
  const widths = columns.map((_, i) => (i === 0 ? first : other));
  const cell = (text: string, i: number, bold: boolean) =>
    new TableCell({
      width: { size: widths[i] ?? other, type: WidthType.DXA },
      verticalAlign: VerticalAlign.CENTER,
      margins: { left: 60, right: 60, top: 30, bottom: 30 },
      // A "\n" in a cell is a line break (a week's dates under its name).
      children: [
        new Paragraph({
          spacing: { after: 0, line: 260 },
          alignment: i === 0 ? AlignmentType.LEFT : AlignmentType.CENTER,
          children: text
            .split('\n')
            .map((line, j) => new TextRun({ text: line, bold, size: pt(12), ...(j > 0 ? { break: 1 } : {}) })),
        }),
      ],
    });
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: GRID,
    rows: [
      new TableRow({ tableHeader: true, children: columns.map((c, i) => cell(c, i, true)) }),
      ...rows.map(
        (r) => new TableRow({ cantSplit: true, children: r.cells.map((c, i) => cell(c, i, Boolean(r.bold))) }),
      ),
    ],
  });
}

function signatureTable({ heading }: ReportDocument): Table {
  const recipients = [
    new Paragraph({
      spacing: { after: 0 },
      children: [new TextRun({ text: 'Nơi nhận:', bold: true, italics: true, size: pt(12) })],
    }),
    ...heading.recipients.map(
      (r, i) =>
        new Paragraph({
          spacing: { after: 0, line: 260 },
          children: [new TextRun({ text: `- ${r}${i === heading.recipients.length - 1 ? '.' : ';'}`, size: pt(11) })],
        }),
    ),
  ];
  const signature = [
    centered([{ text: heading.signingAuthority, bold: true, size: pt(14) }]),
    centered([{ text: heading.signerTitle, bold: true, size: pt(14) }]),
    ...Array.from({ length: 4 }, () => new Paragraph({ spacing: { after: 0 } })),
    centered([{ text: heading.signerName, bold: true, size: pt(14) }]),
  ];
  return twoColumns([[recipients, signature]], { spaceBefore: 240 });
}

/** A borderless table of two columns (by default 45 % / 55 %): the heading and the signature block. */
function twoColumns(
  rows: readonly (readonly [Paragraph[], Paragraph[]])[],
  options: { spaceBefore?: number; leftShare?: number } = {},
): Table {
  const { spaceBefore = 0, leftShare = LEFT_SHARE } = options;
  const widths = [Math.round(TEXT_WIDTH * leftShare), TEXT_WIDTH - Math.round(TEXT_WIDTH * leftShare)];
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: NO_BORDERS,
    rows: rows.map(
      (cells) =>
        new TableRow({
          cantSplit: true,
          children: cells.map(
            (children, i) =>
              new TableCell({
                width: { size: widths[i] ?? 0, type: WidthType.DXA },
                borders: NO_BORDERS,
                margins: { top: spaceBefore, left: 0, right: 0 },
                children,
              }),
          ),
        }),
    ),
  });
}

function centered(runs: readonly IRunOptions[]): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { after: 0 },
    children: runs.map((r) => new TextRun(r)),
  });
}
