/** iCalendar exchange (RFC 5545) with ical.js. Import this module lazily in the browser: `await import('@shared/ical')`. */
export { exportIcs, exportRRule, eventLines, UID_SUFFIX, PRODID, STATUS_TO_ICAL, DESCRIPTION_LABELS, type ExportIcsOptions } from './export';
export {
  parseIcs,
  idFromUid,
  kindFromCategory,
  IcsError,
  type IcsErrorCode,
  type ImportedEvent,
  type ParsedIcs,
  type ParseIcsOptions,
} from './import';
export { icsPatch, sameRRule } from './merge';
export {
  observanceComponents,
  observanceExportRange,
  observanceRRule,
  observanceUid,
  isObservanceUid,
  OBSERVANCE_EXPORT_YEARS,
  type ObservanceIcsOptions,
  type ObservanceRange,
} from './own-observances-ics';
export { ianaZoneFor, vtimezoneLines, WINDOWS_ZONES } from './zones';
