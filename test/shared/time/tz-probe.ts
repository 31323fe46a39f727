/**
 * Child-process probe for timezone-independence.test.ts: computes a fixed set
 * of results and prints them as JSON, together with the host offset so the test
 * can prove the TZ variable really took effect. Not a test file itself.
 */
import { probeResults } from './tz-probe-cases';

process.stdout.write(
  JSON.stringify({
    hostOffsetMinutes: new Date(Date.UTC(2026, 0, 15)).getTimezoneOffset(),
    results: probeResults(),
  }),
);
