import { constants, crc32, deflateRawSync } from 'node:zlib';

/**
 * Hostile .xlsx packages built in a moment and a few hundred KB, whatever they inflate to: a part
 * is a list of text segments, each deflated once and ending with a full flush (no reference to
 * earlier bytes, byte-aligned), so a segment repeated a thousand times costs its compressed bytes
 * a thousand times and one compression — how zip bombs are made. The zip is written by hand
 * (local headers, central directory) with the parts' true sizes and CRCs.
 */
export type PartText = readonly string[];

interface ZipEntry {
  readonly path: string;
  readonly deflated: Buffer;
  readonly size: number;
  readonly crc: number;
}

/** A part's deflated bytes, true size and CRC-32. */
export function deflatedPart(path: string, segments: PartText): ZipEntry {
  const compressed = new Map<string, { bytes: Buffer; deflated: Buffer }>();
  const pieces: Buffer[] = [];
  let size = 0;
  let crc = 0;
  for (const segment of segments) {
    let known = compressed.get(segment);
    if (!known) {
      const bytes = Buffer.from(segment, 'utf8');
      known = { bytes, deflated: deflateRawSync(bytes, { finishFlush: constants.Z_FULL_FLUSH }) };
      compressed.set(segment, known);
    }
    pieces.push(known.deflated);
    size += known.bytes.length;
    crc = crc32(known.bytes, crc);
  }
  // The final block: empty, fixed Huffman codes.
  pieces.push(Buffer.from([0x03, 0x00]));
  return { path, deflated: Buffer.concat(pieces), size, crc };
}

/** `times` copies of a segment. */
export function repeated(segment: string, times: number): string[] {
  return Array<string>(times).fill(segment);
}

/** A zip of deflated entries (sizes over 4 GiB are not supported: no zip64). */
export function zipOf(entries: readonly ZipEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.path, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt32LE(entry.crc >>> 0, 14);
    local.writeUInt32LE(entry.deflated.length, 18);
    local.writeUInt32LE(entry.size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(entry.crc >>> 0, 16);
    central.writeUInt32LE(entry.deflated.length, 20);
    central.writeUInt32LE(entry.size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, entry.deflated);
    centrals.push(central, name);
    offset += local.length + name.length + entry.deflated.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const RELS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const OFFICE_RELS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** A worksheet part: `<worksheet><sheetData>` + rows + `</sheetData></worksheet>`, with an optional `<dimension>`. */
export function sheetXml(rows: PartText, dimension?: string): PartText {
  const open = `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${MAIN}">${dimension ? `<dimension ref="${dimension}"/>` : ''}<sheetData>`;
  return [open, ...rows, '</sheetData></worksheet>'];
}

/** A shared-strings part: `<sst>` + items + `</sst>`. */
export function sharedStringsXml(items: PartText): PartText {
  return [`<?xml version="1.0" encoding="UTF-8"?><sst xmlns="${MAIN}">`, ...items, '</sst>'];
}

/** A whole .xlsx: the tabs (in order, parts xl/worksheets/sheetN.xml) and optional shared strings. */
export function hostileXlsx(tabs: readonly { name: string; sheet: PartText }[], sharedStrings?: PartText): Buffer {
  const overrides = tabs
    .map(
      (_, i) =>
        `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
    )
    .join('');
  const sharedOverride = sharedStrings
    ? '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
    : '';
  const sheetRels = tabs
    .map(
      (_, i) =>
        `<Relationship Id="rId${i + 1}" Type="${OFFICE_RELS}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
    )
    .join('');
  const sharedRel = sharedStrings
    ? `<Relationship Id="rId${tabs.length + 1}" Type="${OFFICE_RELS}/sharedStrings" Target="sharedStrings.xml"/>`
    : '';
  const sheets = tabs.map((tab, i) => `<sheet name="${tab.name}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('');
  return zipOf([
    deflatedPart('[Content_Types].xml', [
      `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${overrides}${sharedOverride}</Types>`,
    ]),
    deflatedPart('_rels/.rels', [
      `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${RELS}"><Relationship Id="rId1" Type="${OFFICE_RELS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    ]),
    deflatedPart('xl/workbook.xml', [
      `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${MAIN}" xmlns:r="${OFFICE_RELS}"><sheets>${sheets}</sheets></workbook>`,
    ]),
    deflatedPart('xl/_rels/workbook.xml.rels', [
      `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${RELS}">${sheetRels}${sharedRel}</Relationships>`,
    ]),
    ...tabs.map((tab, i) => deflatedPart(`xl/worksheets/sheet${i + 1}.xml`, tab.sheet)),
    ...(sharedStrings ? [deflatedPart('xl/sharedStrings.xml', sharedStrings)] : []),
  ]);
}
