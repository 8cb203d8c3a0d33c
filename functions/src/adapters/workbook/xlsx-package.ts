import path from 'node:path';
import type JSZip from 'jszip';
import { elementsNamed } from './xlsx-chart-xml.js';

/** Reading an .xlsx package's parts (a zip of XML files) without a spreadsheet library. */

/** Each worksheet's name and part path, through workbook.xml and its rels (file numbers need not match positions). */
export async function worksheetParts(zip: JSZip): Promise<{ name: string; path: string }[]> {
  return worksheetPartsOf(await partText(zip, WORKBOOK_PART), await partText(zip, relsPathOf(WORKBOOK_PART)));
}

export const WORKBOOK_PART = 'xl/workbook.xml';

/** Each worksheet's name and part path, from the texts of workbook.xml and its rels. */
export function worksheetPartsOf(workbookXml: string, workbookRelsXml: string): { name: string; path: string }[] {
  const workbookPath = WORKBOOK_PART;
  const rels = elementsNamed(workbookRelsXml, 'Relationship');
  const targetOf = (relId: string | undefined) => rels.find((rel) => rel.get('Id') === relId)?.get('Target');
  return elementsNamed(workbookXml, 'sheet').flatMap((sheet) => {
    const target = targetOf(relIdOf(sheet));
    return target ? [{ name: sheet.get('name') ?? '', path: resolveTarget(workbookPath, target) }] : [];
  });
}

/** A part's text, or null when the package has no such part. */
export async function partTextOrNull(zip: JSZip, partPath: string): Promise<string | null> {
  return (await zip.file(partPath)?.async('string')) ?? null;
}

/** A part's text; throws when the package has no such part. */
export async function partText(zip: JSZip, partPath: string): Promise<string> {
  const text = await partTextOrNull(zip, partPath);
  if (text === null) throw new Error(`The workbook has no part '${partPath}'`);
  return text;
}

/** `xl/worksheets/sheet2.xml` → `xl/worksheets/_rels/sheet2.xml.rels`. */
export function relsPathOf(partPath: string): string {
  return path.posix.join(path.posix.dirname(partPath), '_rels', `${path.posix.basename(partPath)}.rels`);
}

/** Relationship targets are relative to the source part's folder, or absolute from the package root. */
export function resolveTarget(sourcePart: string, target: string): string {
  return target.startsWith('/')
    ? target.slice(1)
    : path.posix.normalize(path.posix.join(path.posix.dirname(sourcePart), target));
}

/** The `r:id` attribute, whatever prefix the writer bound to the relationships namespace. */
export function relIdOf(attributes: Map<string, string>): string | undefined {
  return [...attributes].find(([name]) => name.endsWith(':id'))?.[1];
}
