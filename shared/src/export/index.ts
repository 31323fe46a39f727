/**
 * Month table, tour schedule and coverage files. Each function loads its library on first call, so this
 * module is cheap to import; the app may still import it lazily:
 * `const { monthTableXlsx } = await import('@shared/export')`.
 */
export { monthTableXlsx } from './month-table-xlsx';
export { monthTableDocx } from './month-table-docx';
export { FILE_MIME, SIGNATURE_TEXT, type MonthTableFileOptions } from './common';
export { tourTableXlsx, type TourTableFileOptions } from './tour-table-xlsx';
export { safeCellText, FORMULA_GUARD } from './cell-text';
export { coverageXlsx, type CoverageNames } from './coverage-xlsx';
