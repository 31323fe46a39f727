import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { isValidDateValue as isDateValue, parseDateValue } from '../../../shared/src/time/dates';
import {
  validateCampaignFields,
  validateEventFields,
  validateTeamFields,
} from '../../../shared/src/schema';
import { fullEvent, minimalEvent } from './fixtures';

describe('date values', () => {
  it.each([
    ['2026-10-01', true],
    ['2024-02-29', true],
    ['2000-02-29', true],
    ['2026-12-31T23:59', true],
    ['2026-01-01T00:00', true],
    ['2026-02-29', false],
    ['1900-02-29', false],
    ['2026-02-30', false],
    ['2026-04-31', false],
    ['2026-13-01', false],
    ['2026-00-10', false],
    ['2026-10-00', false],
    ['2026-10-01T24:00', false],
    ['2026-10-01T12:60', false],
    ['2026-10-01T9:00', false],
    ['2026-10-01T09:00:00', false],
    ['2026-10-01 09:00', false],
    ['2026/10/01', false],
    ['0000-01-01', false],
    [' 2026-10-01', false],
    ['', false],
  ])('%s -> %s', (value, ok) => {
    expect(isDateValue(value)).toBe(ok);
  });

  it('parses the parts', () => {
    expect(parseDateValue('2026-10-01T09:05')).toEqual({ y: 2026, m: 10, d: 1, hh: 9, mm: 5 });
    expect(parseDateValue('2026-10-01')).toEqual({ y: 2026, m: 10, d: 1 });
    expect(parseDateValue(20261001)).toBeNull();
  });
});

describe('validateEventFields', () => {
  it('accepts a full event and returns only known fields', () => {
    const result = validateEventFields({ ...fullEvent(), priority: 'high' });
    expect(result.problems).toEqual([]);
    expect(result.record).toEqual(fullEvent());
  });

  it('accepts Y.Arrays and plain arrays, and drops duplicate list items', () => {
    const units = new Y.Array<string>();
    new Y.Doc().getMap('m').set('units', units);
    units.push(['宣传部', '团委', '宣传部']);
    const result = validateEventFields({ ...minimalEvent(), units, sectionIds: ['s1', 's1'] });
    expect(result.record?.units).toEqual(['宣传部', '团委']);
    expect(result.record?.sectionIds).toEqual(['s1']);
  });

  it('treats empty optional strings as absent', () => {
    const result = validateEventFields({ ...minimalEvent(), location: '', rrule: '' });
    expect(result.record).toEqual(minimalEvent());
  });

  it('checks end against start', () => {
    expect(validateEventFields(minimalEvent({ end: '2026-10-02' })).problems).toEqual([]);
    expect(validateEventFields(minimalEvent({ start: '2026-10-01T09:00', end: '2026-10-01T09:01' })).problems).toEqual([]);
    // A timed end equal to the start is a zero-length event (a deadline; iCalendar DTSTART = DTEND).
    expect(validateEventFields(minimalEvent({ start: '2026-10-01T09:00', end: '2026-10-01T09:00' })).problems).toEqual([]);
    expect(validateEventFields(minimalEvent({ start: '2026-10-01T09:00', end: '2026-10-01T08:59' })).problems).toEqual([
      'end: must be after start ("2026-10-01T09:00"), found "2026-10-01T08:59"',
    ]);
    expect(validateEventFields(minimalEvent({ end: '2026-10-01' })).problems).toEqual([
      'end: must be after start ("2026-10-01"); all-day ends are exclusive, so a one-day event ends the next day',
    ]);
    expect(validateEventFields(minimalEvent({ end: '2026-09-30' })).problems).toEqual([
      'end: must be after start ("2026-10-01"); all-day ends are exclusive, so a one-day event ends the next day',
    ]);
    expect(validateEventFields(minimalEvent({ end: '2026-10-03T10:00' })).problems).toEqual([
      'end: must have the same form as start (YYYY-MM-DD), found "2026-10-03T10:00"',
    ]);
  });

  it('checks time zones, extra dates and kept iCalendar lines', () => {
    const problems = (fields: Record<string, unknown>) => validateEventFields({ ...minimalEvent({ start: '2026-10-01T09:00' }), ...fields }).problems;
    expect(problems({ timezone: 'Europe/Berlin', rdates: ['2026-10-05T09:00'], icalProps: ['URL:https://example.org/a'] })).toEqual([]);
    expect(problems({ timezone: 'Mars/Olympus' })).toEqual(['timezone: must be an IANA time zone name such as Europe/Berlin; found "Mars/Olympus"']);
    expect(problems({ rdates: ['next friday'] })[0]).toMatch(/^rdates: must list/);
    expect(problems({ icalProps: ['URL:x\r\nATTENDEE:mailto:evil@example.org'] })[0]).toMatch(/^icalProps: must list single lines/);
  });

  it('checks the shape of rrule only', () => {
    const problems = (rrule: unknown) => validateEventFields({ ...minimalEvent(), rrule }).problems;
    expect(problems('FREQ=MONTHLY;BYMONTHDAY=1')).toEqual([]);
    expect(problems('RRULE:FREQ=DAILY')).toEqual([
      'rrule: must be the rule value without the "RRULE:" prefix, e.g. FREQ=WEEKLY;BYDAY=FR',
    ]);
    expect(problems('every friday')[0]).toMatch(/^rrule: must be an RFC 5545 rule/);
    expect(problems('FREQ=DAILY\nEXDATE:20260101')[0]).toMatch(/^rrule: must be an RFC 5545 rule/);
    expect(problems(7)).toEqual(['rrule: must be text, found number 7']);
  });

  it('reports every problem of a garbage record', () => {
    const result = validateEventFields({
      title: 3,
      kind: 'party',
      start: '2026-02-30',
      status: null,
      units: ['a', 2],
      exdates: 'x',
      deletedAt: 'yesterday',
      updatedAt: Number.NaN,
      location: {},
    });
    expect(result.record).toBeUndefined();
    expect(result.problems).toEqual([
      'title: must be non-empty text, found number 3',
      'kind: must be one of anniversary, contest, exhibition, lecture, training, meeting, study, publicity, volunteer, assessment, other; found "party"',
      'start: must be a real date as YYYY-MM-DD or YYYY-MM-DDTHH:mm; found "2026-02-30"',
      'status: must be one of planned, confirmed, done, cancelled; found null',
      'location: must be text, found an object',
      'units: must be a list of text, but contains number 2',
      'exdates: must be a list of text, found "x"',
      'deletedAt: must be a number (ms since 1970), found "yesterday"',
      'updatedAt: must be a number (ms since 1970), found number NaN',
    ]);
  });
});

describe('validateCampaignFields / validateTeamFields', () => {
  it('validates campaigns', () => {
    const ok = { title: '国庆宣传月', start: '2026-09-15', end: '2026-10-08', color: '#c00', sectionIds: ['s'], notes: 'n' };
    expect(validateCampaignFields(ok)).toEqual({ record: ok, problems: [] });
    expect(validateCampaignFields({ title: '', start: '2026-09-15' }).problems).toEqual([
      'title: must be non-empty text, found ""',
      'end: is required',
    ]);
    expect(validateCampaignFields({ ...ok, end: '2026-09-01' }).problems[0]).toMatch(/^end: must be after start/);
  });

  it('validates teams', () => {
    expect(validateTeamFields({ name: '理论宣讲分队', members: [] })).toEqual({
      record: { name: '理论宣讲分队', members: [] },
      problems: [],
    });
    expect(validateTeamFields({ name: '分队' }).problems).toEqual(['members: is required']);
    expect(validateTeamFields({ name: '分队', members: [1], topic: 5 }).problems).toEqual([
      'topic: must be text, found number 5',
      'members: must be a list of text, but contains number 1',
    ]);
  });
});
