import JSZip from 'jszip';

/** The XML of a .docx's part (default: the main part, word/document.xml), as Word and LibreOffice read it. */
export async function documentXml(bytes: Uint8Array, name = 'word/document.xml'): Promise<string> {
  const part = (await JSZip.loadAsync(bytes)).file(name);
  if (!part) throw new Error(`no ${name} in the .docx`);
  return part.async('string');
}

const unescape = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');

/** The text of one paragraph (or any XML fragment): its w:t runs joined. */
export function textOf(xml: string): string {
  return unescape([...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1] ?? '').join(''));
}

/** Every paragraph's text in document order, tables' cells included. */
export function paragraphsOf(xml: string): string[] {
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((m) => textOf(m[0]));
}

/** Each table's rows of cell texts, in document order (tables are not nested in our reports). */
export function tablesOf(xml: string): string[][][] {
  return [...xml.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map((t) =>
    [...t[0].matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)].map((r) =>
      [...r[0].matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((c) => paragraphsOf(c[0]).join('\n')),
    ),
  );
}
