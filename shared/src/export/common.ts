import { MONTH_TABLE_COLUMNS, monthTableCells, monthTableHeader, type MonthTableRow } from '../print/month-table';
import type { Locale } from '../i18n/locale';

export interface MonthTableFileOptions {
  locale?: Locale;
  /** The 制表 / 审核 / 日期 line after the table. Default true. */
  signature?: boolean;
}

export const SIGNATURE_TEXT: Record<Locale, string> = {
  zh: '制表：　　　　　　　　审核：　　　　　　　　日期：　　　　年　　月　　日',
  en: 'Prepared by:                Checked by:                Date:',
};

export const FILE_MIME = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
} as const;

export { MONTH_TABLE_COLUMNS, monthTableCells, monthTableHeader };
export type { MonthTableRow };

/** exceljs/docx may hand back a Node Buffer, an ArrayBuffer or a Uint8Array: always a plain Uint8Array. */
export function toUint8Array(data: ArrayBuffer | ArrayBufferView): Uint8Array {
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  // A copy, so a Node Buffer (a Uint8Array subclass over a shared pool) never leaks out.
  return new Uint8Array(data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength) as ArrayBuffer);
}
