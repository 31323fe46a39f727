/**
 * Child-process probe for ical-timezone.test.ts: exports and imports under the
 * host zone given in TZ and prints the results as JSON. Not a test file itself.
 */
import { exportIcs, parseIcs } from '../../../shared/src/ical';
import { fixture, sampleEvents } from './sample';

const exported = exportIcs(sampleEvents(), { calendarName: '时区测试', now: Date.UTC(2026, 10, 22) });
process.stdout.write(
  JSON.stringify({
    hostOffsetMinutes: new Date(Date.UTC(2026, 0, 15)).getTimezoneOffset(),
    exported,
    roundTrip: parseIcs(exported).events,
    google: parseIcs(fixture('google.ics')).events,
    outlook: parseIcs(fixture('outlook.ics')).events,
    feishu: parseIcs(fixture('feishu.ics')).events,
  }),
);
