/**
 * Month table files. Each function loads its library on first call, so this
 * module is cheap to import; the app may still import it lazily:
 * `const { monthTableXlsx } = await import('@shared/export')`.
 */
export { monthTableXlsx } from './month-table-xlsx';
export { monthTableDocx } from './month-table-docx';
export { FILE_MIME, SIGNATURE_TEXT, type MonthTableFileOptions } from './common';
