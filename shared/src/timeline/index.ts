/** The campaign timeline's logic: windows and zoom, date ↔ x, header cells, items, rows and lanes, drag rules. */
export * from './zoom';
export * from './scale';
export * from './axis';
export * from './lanes';
export * from './phase-lanes';
export * from './items';
export * from './rows';
export * from './edit-rules';
export * from './viewport';
