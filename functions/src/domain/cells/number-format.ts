/** Plain decimal digits of a finite number, never in exponent form: 1e21 → '1000000000000000000000', 1e-7 → '0.0000001'. */
export function plainNumberString(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  if (Object.is(n, -0)) return '0';
  const s = String(n);
  if (!/e/i.test(s)) return s;
  if (Number.isInteger(n)) return BigInt(n).toString();
  const m = /^(-?)(\d)(?:\.(\d+))?e-(\d+)$/.exec(s);
  if (!m) return s;
  return `${m[1] ?? ''}0.${'0'.repeat(Number(m[4]) - 1)}${m[2] ?? ''}${m[3] ?? ''}`;
}

/** Vietnamese number formatting: '.' between thousands, ',' before decimals (1200 → '1.200', 2.5 → '2,5', -1234.5 → '-1.234,5'). */
export function formatVietnameseNumber(n: number): string {
  if (Number.isNaN(n)) return 'NaN';
  if (!Number.isFinite(n)) return n > 0 ? '∞' : '-∞';
  const plain = plainNumberString(n);
  const negative = plain.startsWith('-');
  const [intPart = '0', fracPart] = (negative ? plain.slice(1) : plain).split('.');
  const grouped = intPart.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return `${negative ? '-' : ''}${grouped}${fracPart ? `,${fracPart}` : ''}`;
}
