/** The workspace's own anniversaries: day rules, catalogue view, round-number milestones. */
export * from './day-rule';
export * from './own-observances';
export * from './own-occurrences';
export * from './milestones';
