/** Where a control-sheet problem is, for operator logs: its tab and, when known, its row (never the rest of the message). */
export interface ControlProblemPlace {
  readonly tab: string | undefined;
  readonly row: number | undefined;
}

const LEADING_PLACE = /^Trang '([^']+)'(?:, dòng (\d+))?/;
const NAMED_TAB = /trang '([^']+)'/i;

/** The tab and row a control problem's message opens with ("Trang 'Đơn vị', dòng 5: …"), else the first tab it names. */
export function controlProblemPlace(message: string): ControlProblemPlace {
  const leading = LEADING_PLACE.exec(message);
  if (leading) return { tab: leading[1], row: leading[2] === undefined ? undefined : Number(leading[2]) };
  return { tab: NAMED_TAB.exec(message)?.[1], row: undefined };
}

/** The places of many problems as one short English text: "Đơn vị row 5, Biểu mẫu rows 3, 4, (no tab)". */
export function controlProblemPlacesText(messages: readonly string[]): string {
  const rowsByTab = new Map<string, number[]>();
  for (const { tab, row } of messages.map(controlProblemPlace)) {
    const key = tab ?? '(no tab)';
    const rows = rowsByTab.get(key) ?? [];
    if (row !== undefined && !rows.includes(row)) rows.push(row);
    rowsByTab.set(key, rows);
  }
  return [...rowsByTab]
    .map(([tab, rows]) =>
      rows.length === 0 ? tab : `${tab} row${rows.length > 1 ? 's' : ''} ${rows.sort((a, b) => a - b).join(', ')}`,
    )
    .join('; ');
}
