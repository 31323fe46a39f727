/**
 * The workspace's read and write API: screens change a workspace only through
 * `createWorkspaceApi(doc, …).run(name, input)` and read it through `createWorkspaceReader`.
 */
export * from './api';
export * from './commands';
export * from './result';
export * from './reader';
export * from './drafts';
export * from './filters';
export type { AcceptResult, SectionTextPatch } from './plan-commands';
export type { IcsImportResult } from './ics-commands';
export type { HistoryCollection } from './history-commands';
export type { CommandContext } from './context';
