import { zoneName } from '@shared/display/zone-names';
import { parseDateValue } from '@shared/time/dates';
import { toViewZone } from '@shared/time/series';
import { localeTag } from '@shared/i18n';
import { locale } from '../../i18n';
import { ts } from './series-messages';

/** "10月22日周六 02:00", read off the value's own fields (no host zone involved). */
function wallText(value: string): string {
  const p = parseDateValue(value);
  if (!p) return value;
  return new Date(Date.UTC(p.y, p.m - 1, p.d, p.hh ?? 0, p.mm ?? 0)).toLocaleString(localeTag(locale()), {
    timeZone: 'UTC',
    month: 'short',
    day: 'numeric',
    weekday: 'short',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  });
}

/**
 * For a series kept in its own zone: "北京时间 10月22日周六 02:00（斯德哥尔摩时间 10月21日周五 20:00）"
 * for the occurrence opened (or the first), and what that means for editing.
 */
export function SeriesZoneNote(props: { seriesZone: string; homeZone: string; value: string; valueInHome: boolean }) {
  const home = () => zoneName(props.homeZone, locale());
  const there = () => zoneName(props.seriesZone, locale());
  const inHome = () => (props.valueInHome ? props.value : toViewZone(props.value, props.seriesZone, props.homeZone));
  const inSeries = () => (props.valueInHome ? toViewZone(props.value, props.homeZone, props.seriesZone) : props.value);
  return (
    <div class="field full zone-note" data-testid="zone-note">
      <strong>{ts('zoneNote', { here: `${home()} ${wallText(inHome())}`, there: `${there()} ${wallText(inSeries())}` })}</strong>
      <span class="hint">{ts('zoneHint', { zone: there(), home: home() })}</span>
    </div>
  );
}
