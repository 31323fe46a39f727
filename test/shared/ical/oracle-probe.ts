/**
 * Child-process probe for oracle.test.ts: runs the whole oracle corpus under the host zone given
 * in TZ and prints the results as JSON. Not a test file itself.
 */
import { runCorpus } from './oracle';

process.stdout.write(
  JSON.stringify({
    hostOffsetMinutes: new Date(Date.UTC(2026, 0, 15)).getTimezoneOffset(),
    ...runCorpus(),
  }),
);
