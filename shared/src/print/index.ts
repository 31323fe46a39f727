/** Pure layout data for the print pages (month table, month grid, timeline sheets, tour schedule); renderers only draw it. */
export * from './format';
export * from './month-table';
export * from './month-grid';
export * from './timeline-pages';
export * from './tour-table';
