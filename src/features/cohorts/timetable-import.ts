import fs from 'node:fs/promises';
import path from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { DateTime } from 'luxon';
import type { Cohort } from '../../domain/types';
import type { SessionInput } from '../../stores/session-store';
import { parseTimetable, type TimetableLineError } from './timetable-parse';
import { TIMETABLE_FILE_ERRORS as WHY } from './texts';

/** Column headers a timetable sheet must carry (first row), in any order; 讲师 is optional. */
export const IMPORT_HEADERS = { day: '日期', start: '开始', end: '结束', title: '课程', lecturer: '讲师' } as const;

/** A rejected spreadsheet row, numbered as the spreadsheet numbers it. */
export interface ImportRowError {
  row: number;
  reason: string;
}

/** One data row of the sheet turned into a timetable line, with its spreadsheet row number. */
interface SheetLine {
  row: number;
  text: string;
}

/** Excel keeps times as fractions of a day or as dates on 1899-12-30; both read as HH:mm. */
function cellText(value: ExcelJS.CellValue, kind: 'day' | 'time' | 'text'): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) {
    const dt = DateTime.fromJSDate(value, { zone: 'utc' });
    return kind === 'day' ? dt.toFormat('yyyy-MM-dd') : dt.toFormat('HH:mm');
  }
  if (typeof value === 'number' && kind === 'time' && value >= 0 && value < 1) {
    const minutes = Math.round(value * 24 * 60);
    return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
  }
  if (typeof value === 'object' && 'richText' in value) return value.richText.map((r) => r.text).join('').trim();
  if (typeof value === 'object' && 'result' in value) return cellText(value.result, kind);
  if (typeof value === 'object' && 'text' in value) return String(value.text).trim();
  if (typeof value === 'object') return '';
  return String(value).trim();
}

/**
 * A CSV file's text. Excel on Chinese Windows saves "CSV" in GBK, and as UTF-16 for "Unicode
 * text"; newer Excel and other tools write UTF-8, with or without a BOM. A file that is valid
 * UTF-8 is read as UTF-8, one with a UTF-16 BOM as UTF-16, anything else as GB18030 (a superset
 * of GBK), which Node decodes itself.
 */
export function decodeCsv(data: Buffer): string {
  if (data[0] === 0xff && data[1] === 0xfe) return new TextDecoder('utf-16le').decode(data.subarray(2));
  if (data[0] === 0xfe && data[1] === 0xff) return new TextDecoder('utf-16be').decode(data.subarray(2));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(data).replace(/^\uFEFF/, '');
  } catch {
    return new TextDecoder('gb18030').decode(data);
  }
}

/** A CSV's records as spreadsheet rows (numbered as Excel shows them), quoted commas and line breaks kept in their cell. */
export function csvRows(text: string): { row: number; cells: string[] }[] {
  // Excel's "Unicode text" separates with tabs.
  const first = text.split(/\r?\n/u, 1)[0] ?? '';
  const delimiter = first.includes('\t') && !first.includes(',') ? '\t' : ',';
  const records: string[][] = parseCsv(text, { delimiter, relax_column_count: true, relax_quotes: true, skip_empty_lines: false, trim: true });
  return records.map((cells, i) => ({ row: i + 1, cells: cells.map((c) => c.replace(/\s*\r?\n\s*/gu, ' ')) }));
}

/** Rows above the header that may hold a title (「XX镇电商培训课程表」) before the header itself. */
const HEADER_SEARCH_ROWS = 5;

/** The index of the header row: the first of the top rows that names every required column. */
function headerIndex(rows: { cells: string[] }[]): number {
  const required = [IMPORT_HEADERS.day, IMPORT_HEADERS.start, IMPORT_HEADERS.end, IMPORT_HEADERS.title];
  const found = rows.slice(0, HEADER_SEARCH_ROWS).findIndex((r) => required.every((h) => r.cells.includes(h)));
  return Math.max(found, 0);
}

function linesFromRows(rows: { row: number; cells: string[] }[]): { lines: SheetLine[]; errors: ImportRowError[] } {
  const start = headerIndex(rows);
  const [header, ...data] = rows.slice(start);
  const names = header?.cells ?? [];
  const col = (name: string) => names.indexOf(name);
  const missing = [IMPORT_HEADERS.day, IMPORT_HEADERS.start, IMPORT_HEADERS.end, IMPORT_HEADERS.title].filter((h) => col(h) < 0);
  if (!header || missing.length > 0) {
    return { lines: [], errors: [{ row: header?.row ?? 1, reason: WHY.headers(missing.join('、')) }] };
  }
  const lines = data
    .filter((r) => r.cells.some((c) => c !== ''))
    .map((r) => {
      const get = (name: string) => (col(name) >= 0 ? (r.cells[col(name)] ?? '') : '');
      const title = get(IMPORT_HEADERS.title).replace(/\s+/g, '');
      const lecturer = get(IMPORT_HEADERS.lecturer).replace(/\s+/g, '');
      return { row: r.row, text: `${get(IMPORT_HEADERS.day)} ${get(IMPORT_HEADERS.start)}-${get(IMPORT_HEADERS.end)} ${title} ${lecturer}`.trim() };
    });
  return { lines, errors: [] };
}

/**
 * Reads a timetable from an .xlsx (first sheet) or .csv file with the headers above, which may
 * sit below a title row. An old .xls is refused with how to convert it.
 */
export async function readTimetableFile(file: string): Promise<{ lines: SheetLine[]; errors: ImportRowError[] }> {
  const ext = path.extname(file).toLowerCase();
  if (ext === '.csv') {
    try {
      return linesFromRows(csvRows(decodeCsv(await fs.readFile(file))));
    } catch {
      return { lines: [], errors: [{ row: 0, reason: WHY.unreadableCsv }] };
    }
  }
  if (ext === '.xls') return { lines: [], errors: [{ row: 0, reason: WHY.oldExcel }] };
  if (ext !== '.xlsx') return { lines: [], errors: [{ row: 0, reason: WHY.fileType }] };
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.readFile(file);
  } catch {
    return { lines: [], errors: [{ row: 0, reason: WHY.unreadable }] };
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return { lines: [], errors: [{ row: 0, reason: WHY.noSheet }] };
  const top: { cells: string[] }[] = [];
  for (let r = 1; r <= HEADER_SEARCH_ROWS; r++) {
    const cells: string[] = [];
    sheet.getRow(r).eachCell({ includeEmpty: true }, (cell, n) => void (cells[n - 1] = cellText(cell.value, 'text')));
    top.push({ cells });
  }
  const headerRow = sheet.getRow(headerIndex(top) + 1);
  const kinds: ('day' | 'time' | 'text')[] = [];
  headerRow.eachCell({ includeEmpty: true }, (cell, n) => {
    const h = cellText(cell.value, 'text');
    kinds[n - 1] = h === IMPORT_HEADERS.day ? 'day' : h === IMPORT_HEADERS.start || h === IMPORT_HEADERS.end ? 'time' : 'text';
  });
  const rows: { row: number; cells: string[] }[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: string[] = [];
    for (let c = 1; c <= Math.max(kinds.length, row.cellCount); c++) cells.push(cellText(row.getCell(c).value, kinds[c - 1] ?? 'text'));
    rows.push({ row: rowNumber, cells });
  });
  return linesFromRows(rows);
}

/** Parses the sheet's lines as a timetable; errors carry spreadsheet row numbers. */
export function timetableFromSheet(
  lines: SheetLine[],
  cohort: Pick<Cohort, 'startDate' | 'endDate' | 'timezone'>,
): { sessions: SessionInput[]; errors: ImportRowError[] } {
  const parsed = parseTimetable(lines.map((l) => l.text), cohort);
  const toRow = (e: TimetableLineError): ImportRowError => ({ row: lines[e.line - 1]?.row ?? e.line, reason: e.reason });
  return { sessions: parsed.sessions, errors: parsed.errors.map(toRow) };
}
