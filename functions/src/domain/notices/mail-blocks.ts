import { escapeHtml } from './notice-text.js';

/**
 * A message as a few plain blocks, rendered once as plain text and once as simple inline-styled
 * HTML, so both parts always say the same thing. Every value is escaped in the HTML.
 */

/** One block of a message. */
export type MailBlock =
  | { readonly kind: 'heading'; readonly text: string }
  | { readonly kind: 'paragraph'; readonly text: string; readonly strong?: boolean }
  /** Label–value pairs, shown as a small two-column table in HTML. */
  | { readonly kind: 'facts'; readonly rows: readonly (readonly [string, string])[] }
  | { readonly kind: 'list'; readonly title?: string; readonly items: readonly string[] }
  /** A sentence pointing at a place: a link when `target` is an http(s) URL, else the name as is. */
  | { readonly kind: 'link'; readonly before: string; readonly target: string; readonly after: string };

const FONT = 'font-family:Arial,Helvetica,sans-serif;font-size:14px;line-height:1.5;color:#222222';
const P = 'margin:0 0 12px 0';

/** Plain text and HTML of the same blocks, NFC. */
export function renderMail(blocks: readonly MailBlock[]): { text: string; html: string } {
  const text = blocks.map(textOf).join('\n\n') + '\n';
  const html = `<!DOCTYPE html>\n<html lang="vi"><head><meta charset="utf-8"></head><body><div style="${FONT}">\n${blocks.map(htmlOf).join('\n')}\n</div></body></html>\n`;
  return { text: text.normalize('NFC'), html: html.normalize('NFC') };
}

function textOf(block: MailBlock): string {
  switch (block.kind) {
    case 'heading':
      return `${block.text}\n${'-'.repeat(Math.min(72, [...block.text].length))}`;
    case 'paragraph':
      return block.text;
    case 'facts': {
      const width = Math.max(...block.rows.map(([label]) => [...label].length));
      return block.rows
        .map(([label, value]) => `${`${label}:`.padEnd(width + 2)}${indent(value, width + 2)}`)
        .join('\n');
    }
    case 'list':
      return [
        ...(block.title === undefined ? [] : [block.title]),
        ...block.items.map((item) => `  - ${indent(item, 4)}`),
      ].join('\n');
    case 'link':
      return `${block.before}${block.target}${block.after}`;
  }
}

function htmlOf(block: MailBlock): string {
  switch (block.kind) {
    case 'heading':
      return `<h3 style="margin:20px 0 8px 0;font-size:16px;color:#1f4e79">${escapeHtml(block.text)}</h3>`;
    case 'paragraph':
      return `<p style="${P}">${block.strong ? `<strong>${lines(block.text)}</strong>` : lines(block.text)}</p>`;
    case 'facts': {
      const rows = block.rows.map(
        ([label, value]) =>
          `<tr><td style="padding:2px 16px 2px 0;color:#555555;vertical-align:top;white-space:nowrap">${escapeHtml(label)}</td><td style="padding:2px 0;vertical-align:top">${lines(value)}</td></tr>`,
      );
      return `<table role="presentation" style="border-collapse:collapse;${P}">${rows.join('')}</table>`;
    }
    case 'list': {
      const title = block.title === undefined ? '' : `<p style="margin:0 0 4px 0">${lines(block.title)}</p>`;
      const items = block.items.map((item) => `<li style="margin:0 0 4px 0">${lines(item)}</li>`).join('');
      return `${title}<ul style="margin:0 0 12px 0;padding-left:24px">${items}</ul>`;
    }
    case 'link': {
      const target = /^https?:\/\/\S+$/i.test(block.target)
        ? `<a href="${escapeHtml(block.target)}" style="color:#1155cc">${escapeHtml(block.target)}</a>`
        : `<strong>${escapeHtml(block.target)}</strong>`;
      return `<p style="${P}">${escapeHtml(block.before)}${target}${escapeHtml(block.after)}</p>`;
    }
  }
}

/** Escaped text with its line breaks kept. */
function lines(text: string): string {
  return text.split('\n').map(escapeHtml).join('<br>');
}

/** Continuation lines of a multi-line value, indented under its first line. */
function indent(text: string, width: number): string {
  return text.split('\n').join(`\n${' '.repeat(width)}`);
}
