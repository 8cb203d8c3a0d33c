/** A mistake in the plan tabs, for district staff: where it is and what to do, in Vietnamese. */
export interface PlanProblem {
  readonly tab: string;
  /** The row the spreadsheet shows (1-based); absent for a problem with the whole tab. */
  readonly row?: number;
  /** The column header the problem is about. */
  readonly header?: string;
  /** The plan the problem belongs to, when known. */
  readonly formId?: string;
  /** The whole message, starting with the tab, row and column: "Trang 'Cột biểu mẫu', dòng 14, cột 'Kiểu': …". */
  readonly message: string;
}

/** Where a problem is: a tab, optionally a row and a column. */
export interface PlanPlace {
  readonly tab: string;
  readonly row?: number | undefined;
  readonly header?: string | undefined;
}

/** A problem whose message names its tab, row and column before the reason. */
export function planProblem(place: PlanPlace, reason: string, formId?: string): PlanProblem {
  const where = [
    `Trang '${place.tab}'`,
    place.row === undefined ? undefined : `dòng ${place.row}`,
    place.header === undefined ? undefined : `cột '${place.header}'`,
  ];
  return {
    tab: place.tab,
    ...(place.row === undefined ? {} : { row: place.row }),
    ...(place.header === undefined ? {} : { header: place.header }),
    ...(formId === undefined ? {} : { formId }),
    message: `${where.filter((w) => w !== undefined).join(', ')}: ${reason}`,
  };
}
