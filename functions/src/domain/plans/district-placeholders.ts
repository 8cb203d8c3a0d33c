import { foldForMatch } from '../cells/fold.js';
import type { FormSpec } from '../forms/form-spec.js';
import { SETTINGS_LABELS } from '../units/control-layout.js';

/**
 * Plan text names the district through placeholders spelled as the labels of "Thông tin chung"
 * ("gửi về {Tên đơn vị tổng hợp} ({Email văn phòng})"), so a catalog plan copied into any
 * district's control reads as that district's own and never carries another locality's name.
 */

/** The district values a placeholder can name: the "Thông tin chung" settings. */
export type PlaceholderSettings = Readonly<Record<keyof typeof SETTINGS_LABELS, string>>;

/** What an unset district name shows as: the dotted line paper forms leave to be written on. */
export const BLANK_PLACEHOLDER = '……………';

const PLACEHOLDER = /\{([^{}]{1,60})\}/g;
const KEY_BY_LABEL = new Map(
  Object.entries(SETTINGS_LABELS).map(([key, label]) => [foldForMatch(label), key as keyof PlaceholderSettings]),
);

/** Replace each "{label}" naming a "Thông tin chung" setting with its value; an unset name shows as a dotted line, an unset contact is left out. */
export function fillDistrictPlaceholders(text: string, settings: PlaceholderSettings): string {
  if (!text.includes('{')) return text;
  const filled = text.replace(PLACEHOLDER, (whole, label: string) => {
    const key = KEY_BY_LABEL.get(foldForMatch(label));
    if (key === undefined) return whole;
    const value = settings[key].trim();
    return value !== '' ? value : key === 'districtName' ? BLANK_PLACEHOLDER : '';
  });
  // A contact left out leaves "()" or a doubled space behind.
  return filled
    .replace(/\s*\(\s*\)/g, '')
    .replace(/ {2,}/g, ' ')
    .replace(/ ([.,;])/g, '$1');
}

/** The plan with every text a unit reads (issuer, title, description, column help) filled from the district's settings. */
export function localizePlan(spec: FormSpec, settings: PlaceholderSettings): FormSpec {
  const fill = (text: string): string => fillDistrictPlaceholders(text, settings);
  return {
    ...spec,
    issuer: fill(spec.issuer),
    title: fill(spec.title),
    ...(spec.description !== undefined ? { description: fill(spec.description) } : {}),
    columns: spec.columns.map((column) =>
      column.help === undefined ? column : { ...column, help: fill(column.help) },
    ),
  };
}
