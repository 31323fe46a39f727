/**
 * One import point for the `rrule` package.
 *
 * rrule 2.x ships a UMD `main` and an ESM `module` without an `exports` map.
 * Bundlers (Vite, Vitest's transform) pick the ESM build with named exports;
 * Node's own ESM loader (tsx, the CLI, the relay) loads the UMD build, where
 * only a default export exists and `import { RRule } from 'rrule'` fails.
 * The namespace import works in both, and we pick whichever shape we got.
 */
import * as rruleNamespace from 'rrule';

type RRuleModule = typeof rruleNamespace;

// Reflect.get rather than `.default`: the bundler sees that the ESM build has no default export
// and would warn that the (unused in that case) branch reads undefined.
const lib: RRuleModule =
  (rruleNamespace as Partial<RRuleModule>).RRule !== undefined ? rruleNamespace : (Reflect.get(rruleNamespace, 'default') as RRuleModule);

export const RRule = lib.RRule;
export type RRule = InstanceType<RRuleModule['RRule']>;
export const rrulestr = lib.rrulestr;
