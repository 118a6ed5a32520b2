import type { RegisterEntry } from './entry.js';
import { sheetRow } from './export.js';
import { registerWords, sheetColumns } from './words.js';
import { uiStrings } from '../render/i18n.js';
import type { RegisterSheetModel } from '../render/register-sheet.js';

/** The printable daily register's view model: the day's rows in the locale's words. */
export function sheetModel(entries: readonly RegisterEntry[], opts: { locale: string; day: string; now: Date; timeZone?: string }): RegisterSheetModel {
  const words = registerWords(opts.locale);
  const ui = uiStrings(opts.locale);
  return {
    locale: opts.locale,
    title: words.title,
    day: opts.day,
    headers: sheetColumns.map((c) => words.columns[c]),
    rows: entries.map((e) => {
      const row = sheetRow(e, opts);
      return { id: e.id, cells: sheetColumns.map((c) => row.cells[c]), status: e.status, overdue: row.overdue };
    }),
    summary: words.total(entries.length),
    empty: words.empty,
    ui: { id: words.columns.id, pageBefore: ui.pageBefore, pageMiddle: ui.pageMiddle, pageAfter: ui.pageAfter },
  };
}
