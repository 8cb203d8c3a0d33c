import { foldForMatch } from '../cells/fold.js';
import type { Unit } from '../units/unit.js';

/** What of a message can name its unit. */
export interface MessageClues {
  /** The sender's address as written (any case). */
  readonly from: string | undefined;
  readonly subject: string;
  readonly fileNames: readonly string[];
}

export type UnitIdentification =
  | { readonly found: true; readonly unit: Unit; readonly by: 'sender' | 'subject' | 'file-name' }
  /** `candidates` > 1 when several units fit equally well (a shared address, two names in the subject). */
  | { readonly found: false; readonly knownSender: boolean; readonly candidates: readonly Unit[] };

/**
 * The unit a message comes from: the sender's address among the units' contacts (several per unit
 * allowed), else a unit id, name or file name in the subject or in an attachment's file name
 * (accents, case and punctuation ignored; the longest name wins, a tie is no answer).
 */
export function identifyUnit(clues: MessageClues, units: readonly Unit[]): UnitIdentification {
  const sender = clues.from?.trim().toLowerCase();
  const bySender = sender ? units.filter((u) => u.contacts.some((c) => c.email?.trim().toLowerCase() === sender)) : [];
  if (bySender.length === 1 && bySender[0]) return { found: true, unit: bySender[0], by: 'sender' };
  const pool = bySender.length > 1 ? bySender : units;
  const subject = bestNamed(clues.subject, pool);
  if (subject.length === 1 && subject[0]) return { found: true, unit: subject[0], by: 'subject' };
  const files = clues.fileNames
    .map((name) => bestNamed(withoutExtension(name), pool, name))
    .filter((hits) => hits.length > 0);
  const fileUnits = [...new Set(files.flat())];
  if (fileUnits.length === 1 && fileUnits[0]) return { found: true, unit: fileUnits[0], by: 'file-name' };
  const candidates = bySender.length > 1 ? bySender : subject.length > 1 ? subject : fileUnits;
  return { found: false, knownSender: bySender.length > 0, candidates };
}

/** The units whose id, name or file name the text holds, longest match only. */
function bestNamed(text: string, units: readonly Unit[], fileName?: string): Unit[] {
  const folded = ` ${foldForMatch(text)} `;
  const idWords = new Set(
    text
      .toLowerCase()
      .split(/[^a-z0-9-]+/)
      .filter(Boolean),
  );
  let best = 0;
  let hits: Unit[] = [];
  for (const unit of units) {
    const length = Math.max(
      idWords.has(unit.id) ? unit.id.length : 0,
      containsWords(folded, unit.name) ? foldForMatch(unit.name).length : 0,
      fileName !== undefined && baseName(fileName) === baseName(unit.source) ? unit.source.length : 0,
    );
    if (length === 0 || length < best) continue;
    if (length > best) hits = [];
    best = length;
    hits.push(unit);
  }
  return hits;
}

function containsWords(foldedText: string, name: string): boolean {
  const key = foldForMatch(name);
  return key.length > 0 && foldedText.includes(` ${key} `);
}

function withoutExtension(fileName: string): string {
  return fileName.replace(/\.[A-Za-z0-9]{1,5}$/, '');
}

function baseName(fileName: string): string {
  return (fileName.split(/[\\/]/).pop() ?? '').toLowerCase();
}
