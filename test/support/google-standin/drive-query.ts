/**
 * The part of Drive's `q` language the stand-in understands: `'<id>' in parents`, `mimeType`,
 * `name` (=, !=, contains), `trashed`, `modifiedTime` comparisons, joined by and/or/not with
 * parentheses. Anything else is Drive's 400 `Invalid Value` for `q`.
 */
import { driveInvalidValue } from './errors.js';
import type { StoredFile } from './spreadsheets.js';

export type FileFilter = (file: StoredFile) => boolean;

type Token =
  | { readonly kind: 'string'; readonly text: string }
  | { readonly kind: 'word' | 'op' | 'paren'; readonly text: string };

function tokenize(q: string): Token[] {
  const tokens: Token[] = [];
  const pattern = /\s*(?:'((?:[^'\\]|\\.)*)'|([A-Za-z_][A-Za-z0-9_]*)|(!=|<=|>=|=|<|>)|([()]))/gy;
  let match: RegExpExecArray | null;
  while (pattern.lastIndex < q.length && (match = pattern.exec(q))) {
    if (match[1] !== undefined) tokens.push({ kind: 'string', text: match[1].replace(/\\(.)/g, '$1') });
    else if (match[2] !== undefined) tokens.push({ kind: 'word', text: match[2] });
    else if (match[3] !== undefined) tokens.push({ kind: 'op', text: match[3] });
    else if (match[4] !== undefined) tokens.push({ kind: 'paren', text: match[4] });
  }
  if (q.slice(pattern.lastIndex).trim() !== '') throw driveInvalidValue('q');
  return tokens;
}

const COMPARE: Readonly<Record<string, (a: number, b: number) => boolean>> = {
  '=': (a, b) => a === b,
  '!=': (a, b) => a !== b,
  '<': (a, b) => a < b,
  '<=': (a, b) => a <= b,
  '>': (a, b) => a > b,
  '>=': (a, b) => a >= b,
};

/** Drive's `name contains` matches prefixes of the name's words, case-insensitively. */
function nameContains(name: string, needle: string): boolean {
  const wanted = needle.toLowerCase();
  return (
    name.toLowerCase().startsWith(wanted) ||
    name
      .toLowerCase()
      .split(/\s+/)
      .some((word) => word.startsWith(wanted))
  );
}

class QueryParser {
  private at = 0;
  constructor(private readonly tokens: readonly Token[]) {}

  parse(): FileFilter {
    const filter = this.or();
    if (this.at !== this.tokens.length) throw driveInvalidValue('q');
    return filter;
  }

  private peek(): Token | undefined {
    return this.tokens[this.at];
  }

  private next(kind?: Token['kind'], text?: string): Token {
    const token = this.tokens[this.at++];
    if (!token || (kind && token.kind !== kind) || (text !== undefined && token.text.toLowerCase() !== text))
      throw driveInvalidValue('q');
    return token;
  }

  private isWord(text: string): boolean {
    const token = this.peek();
    return token?.kind === 'word' && token.text.toLowerCase() === text;
  }

  private or(): FileFilter {
    const parts = [this.and()];
    while (this.isWord('or')) {
      this.at++;
      parts.push(this.and());
    }
    return (file) => parts.some((part) => part(file));
  }

  private and(): FileFilter {
    const parts = [this.unary()];
    while (this.isWord('and')) {
      this.at++;
      parts.push(this.unary());
    }
    return (file) => parts.every((part) => part(file));
  }

  private unary(): FileFilter {
    if (this.isWord('not')) {
      this.at++;
      const inner = this.unary();
      return (file) => !inner(file);
    }
    if (this.peek()?.text === '(') {
      this.at++;
      const inner = this.or();
      this.next('paren', ')');
      return inner;
    }
    return this.term();
  }

  private term(): FileFilter {
    const first = this.next();
    if (first.kind === 'string') {
      this.next('word', 'in');
      this.next('word', 'parents');
      return (file) => file.parents.includes(first.text);
    }
    if (first.kind !== 'word') throw driveInvalidValue('q');
    if (first.text === 'trashed') {
      const op = this.equality();
      const value = this.next('word').text.toLowerCase();
      if (value !== 'true' && value !== 'false') throw driveInvalidValue('q');
      return (file) => (file.trashed === (value === 'true')) === (op === '=');
    }
    if (first.text === 'mimeType' || first.text === 'name') {
      const field = first.text;
      const op = field === 'name' && this.isWord('contains') ? this.next().text.toLowerCase() : this.equality();
      const value = this.next('string').text;
      if (op === 'contains') return (file) => nameContains(file.name, value);
      return (file) => (file[field] === value) === (op === '=');
    }
    if (first.text === 'modifiedTime') {
      const compare = COMPARE[this.next('op').text];
      const at = Date.parse(this.next('string').text);
      if (!compare || Number.isNaN(at)) throw driveInvalidValue('q');
      return (file) => compare(file.modifiedTime.getTime(), at);
    }
    throw driveInvalidValue('q');
  }

  private equality(): '=' | '!=' {
    const op = this.next('op').text;
    if (op !== '=' && op !== '!=') throw driveInvalidValue('q');
    return op;
  }
}

/** A filter for `q`; every file passes when `q` is absent or blank. */
export function parseDriveQuery(q: string | null): FileFilter {
  if (q === null || q.trim() === '') return () => true;
  return new QueryParser(tokenize(q)).parse();
}
