import { foldForMatch } from '../cells/fold.js';
import type { FormSpec } from './form-spec.js';
import { locateHeader, matchHeaders } from './header-match.js';
import { findTab, type SheetTab } from './read-form-tab.js';

/**
 * Whether a tab's header row is plainly this form's: the header the reader would find names every
 * required column and at least half of the form's columns (two columns alone, e.g. a name and a
 * phone, are common to many forms).
 */
export function headerMatchesForm(spec: FormSpec, tab: SheetTab): boolean {
  const header = locateHeader(
    spec,
    tab.rows.map((r) => r.cells),
  );
  if (!header) return false;
  const match = matchHeaders(spec, header.cells);
  const needed = Math.max(Math.min(2, spec.columns.length), Math.ceil(spec.columns.length / 2));
  return match.missingRequired.length === 0 && match.indexByKey.size >= needed;
}

/** Tabs that may be a form's tab under another name: every tab whose name is neither a form's tab nor one of ours. */
export function unclaimedTabs<T extends { readonly name: string }>(
  tabs: readonly T[],
  reservedNames: readonly string[],
): T[] {
  const reserved = new Set(reservedNames.map(foldForMatch));
  return tabs.filter((tab) => !reserved.has(foldForMatch(tab.name)));
}

/**
 * For each form whose tab is absent, the one unclaimed tab whose header row is that form's
 * (a tab the unit renamed, e.g. "Sheet1"): formId → tab. Only unambiguous pairs: a tab matching
 * two absent forms, or a form matched by two tabs, is left out. `reservedNames` are every form's
 * tab name and the system's own tabs, which are never taken.
 */
export function findRenamedTabs<T extends SheetTab>(
  forms: readonly FormSpec[],
  tabs: readonly T[],
  reservedNames: readonly string[],
): Map<string, T> {
  const absent = forms.filter((spec) => !findTab(tabs, spec.tab));
  const candidates = absent.length === 0 ? [] : unclaimedTabs(tabs, reservedNames);
  const pairs = absent.flatMap((spec) =>
    candidates.filter((tab) => headerMatchesForm(spec, tab)).map((tab) => ({ spec, tab })),
  );
  const renamed = new Map<string, T>();
  for (const { spec, tab } of pairs) {
    const sameForm = pairs.filter((p) => p.spec === spec).length;
    const sameTab = pairs.filter((p) => p.tab === tab).length;
    if (sameForm === 1 && sameTab === 1) renamed.set(spec.id, tab);
  }
  return renamed;
}

/** What the unit is told when a renamed tab was read as a form's tab. */
export function renamedTabMessage(tabName: string, spec: Pick<FormSpec, 'tab'>): string {
  return `Trang '${tabName}' được đọc là biểu mẫu '${spec.tab}' (khớp tiêu đề cột); đề nghị đổi tên trang thành '${spec.tab}'.`;
}

/** Whether a tab recorded for a form carries another name than the form's tab (it was found by its headers). */
export function isRenamedTab(tabName: string, spec: Pick<FormSpec, 'tab'>): boolean {
  return foldForMatch(tabName) !== foldForMatch(spec.tab);
}
