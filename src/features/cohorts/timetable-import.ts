import fs from 'node:fs/promises';
import path from 'node:path';
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

/** Splits one CSV line (quotes allowed) into cells. */
function csvCells(line: string): string[] {
  const cells: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cur += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      cells.push(cur.trim());
      cur = '';
    } else cur += ch;
  }
  cells.push(cur.trim());
  return cells;
}

function linesFromRows(rows: { row: number; cells: string[] }[]): { lines: SheetLine[]; errors: ImportRowError[] } {
  const [header, ...data] = rows;
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

/** Reads a timetable from an .xlsx (first sheet) or .csv file with the headers above. */
export async function readTimetableFile(file: string): Promise<{ lines: SheetLine[]; errors: ImportRowError[] }> {
  const ext = path.extname(file).toLowerCase();
  if (ext === '.csv') {
    const text = (await fs.readFile(file, 'utf8')).replace(/^\uFEFF/, '');
    return linesFromRows(text.split(/\r?\n/).map((line, i) => ({ row: i + 1, cells: csvCells(line) })));
  }
  if (ext !== '.xlsx') return { lines: [], errors: [{ row: 0, reason: WHY.fileType }] };
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.readFile(file);
  } catch {
    return { lines: [], errors: [{ row: 0, reason: WHY.unreadable }] };
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return { lines: [], errors: [{ row: 0, reason: WHY.noSheet }] };
  const headerRow = sheet.getRow(1);
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
