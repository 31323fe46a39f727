/**
 * Upcoming 逢五逢十 anniversaries (`?panel=milestones`): the next 18 months of the catalogue's
 * and the workspace's own, each with "plan a commemoration"; and the workspace's own
 * anniversaries (solar or lunar dates, a solar term, or the n-th weekday of a month), added
 * and removed here. The date rules live in shared/src/anniversaries.
 */
import { createMemo, createResource, createSignal, For, Show } from 'solid-js';
import type { ObservanceRecord } from '@shared/schema/types';
import { todayIn } from '@shared/time/dates';
import { locale, t } from '../../i18n';
import { useWorkspace } from '../../stores/workspace-context';

type RuleKind = 'solar' | 'lunar' | 'term' | 'nth';
const pad = (n: number) => String(n).padStart(2, '0');

/** The rule text of the form's values (docs/schema.md, observances). */
export function ruleText(kind: RuleKind, v: { month: number; day: number; leap: boolean; term: string; n: number; weekday: number }): string {
  if (kind === 'solar') return `solar:${pad(v.month)}-${pad(v.day)}`;
  if (kind === 'lunar') return `lunar:${v.leap ? 'L' : ''}${pad(v.month)}-${pad(v.day)}`;
  if (kind === 'term') return `term:${v.term.trim()}`;
  return `nth:${pad(v.month)}-${v.n}-${v.weekday}`;
}

export default function MilestonesPanel(props: {
  onPlan: (m: { title: string; date: string }) => void;
  /** The same, as 纪念大会 + 主题展览 + 知识竞赛 from the commemoration template. */
  onPlanFromTemplate: (m: { title: string; date: string }) => void;
  onClose: () => void;
}) {
  const ws = useWorkspace();
  const [info] = createResource(() => import('../../calendar/day-info'));
  const today = () => todayIn(ws.timezone());
  const milestones = createMemo(() => info()?.upcomingMilestones({ today: today(), months: 18, own: ws.ownObservances(), locale: locale() }) ?? []);

  const [title, setTitle] = createSignal('');
  const [kind, setKind] = createSignal<RuleKind>('solar');
  const [month, setMonth] = createSignal(1);
  const [day, setDay] = createSignal(1);
  const [leap, setLeap] = createSignal(false);
  const [term, setTerm] = createSignal('清明');
  const [n, setN] = createSignal(1);
  const [weekday, setWeekday] = createSignal(1);
  const [origin, setOrigin] = createSignal('');
  const [error, setError] = createSignal('');

  const add = (e: Event) => {
    e.preventDefault();
    const originYear = origin().trim() ? Number(origin()) : undefined;
    if (originYear !== undefined && !Number.isInteger(originYear)) return setError(t('badOriginYear'));
    const r = ws.run('observance.create', {
      fields: { title: title().trim(), rule: ruleText(kind(), { month: month(), day: day(), leap: leap(), term: term(), n: n(), weekday: weekday() }), originYear },
    });
    if (!r.ok) return setError(r.error.message);
    setError('');
    setTitle('');
    setOrigin('');
  };
  const remove = (o: ObservanceRecord) => {
    const r = ws.run('observance.delete', { id: o.id });
    if (!r.ok) setError(r.error.message);
  };
  const num = (set: (v: number) => void) => (e: { currentTarget: HTMLInputElement | HTMLSelectElement }) => set(Number(e.currentTarget.value));

  return (
    <aside class="side-panel milestones-panel" aria-labelledby="milestones-heading">
      <header class="section-head">
        <h2 id="milestones-heading">{t('milestonesTitle')}</h2>
        <button type="button" class="icon-btn" aria-label={t('close')} onClick={() => props.onClose()}>
          ×
        </button>
      </header>
      <ul class="milestone-list" data-testid="milestones">
        <For each={milestones()} fallback={<li class="muted">{info() ? t('noMilestones') : t('loading')}</li>}>
          {(m) => (
            <li data-testid="milestone" data-source={m.source}>
              <span class="milestone-date">{m.date}</span>
              <span class="milestone-title">
                {m.title} · {t('anniversaryN', { n: m.anniversary })}
              </span>
              <Show when={ws.canEdit()}>
                <button type="button" class="small" onClick={() => props.onPlan({ title: t('commemorationTitle', { title: m.title, n: m.anniversary }), date: m.date })}>
                  {t('planCommemoration')}
                </button>
                <button type="button" class="small" data-testid="plan-from-template" onClick={() => props.onPlanFromTemplate({ title: t('commemorationTitle', { title: m.title, n: m.anniversary }), date: m.date })}>
                  {t('planFromTemplate')}
                </button>
              </Show>
            </li>
          )}
        </For>
      </ul>
      <h3>{t('ownObservances')}</h3>
      <ul class="own-observances" data-testid="own-observances">
        <For each={ws.ownObservances()} fallback={<li class="muted">{t('noOwnObservances')}</li>}>
          {(o) => (
            <li data-testid="own-observance">
              <span>{o.title}</span>
              <span class="muted mono"> {o.rule}</span>
              <Show when={o.originYear}>
                <span class="muted"> · {o.originYear}</span>
              </Show>
              <Show when={ws.canEdit()}>
                <button type="button" class="small" aria-label={`${t('moveToTrash')}: ${o.title}`} onClick={() => remove(o)}>
                  ×
                </button>
              </Show>
            </li>
          )}
        </For>
      </ul>
      <Show when={ws.canEdit()}>
        <form class="own-observance-form" onSubmit={add} data-testid="own-observance-form">
          <label>
            <span>{t('title')}</span>
            <input name="obsTitle" value={title()} onInput={(e) => setTitle(e.currentTarget.value)} maxLength={200} />
          </label>
          <label>
            <span>{t('obsRule')}</span>
            <select name="obsKind" value={kind()} onChange={(e) => setKind(e.currentTarget.value as RuleKind)}>
              <option value="solar">{t('ruleSolar')}</option>
              <option value="lunar">{t('ruleLunar')}</option>
              <option value="term">{t('ruleTerm')}</option>
              <option value="nth">{t('ruleNth')}</option>
            </select>
          </label>
          <Show when={kind() !== 'term'}>
            <label>
              <span>{t('obsMonth')}</span>
              <input name="obsMonth" type="number" min="1" max="12" value={month()} onInput={num(setMonth)} />
            </label>
          </Show>
          <Show when={kind() === 'solar' || kind() === 'lunar'}>
            <label>
              <span>{t('obsDay')}</span>
              <input name="obsDay" type="number" min="1" max={kind() === 'lunar' ? 30 : 31} value={day()} onInput={num(setDay)} />
            </label>
          </Show>
          <Show when={kind() === 'lunar'}>
            <label class="check">
              <input type="checkbox" name="obsLeap" checked={leap()} onChange={(e) => setLeap(e.currentTarget.checked)} />
              <span>{t('obsLeap')}</span>
            </label>
          </Show>
          <Show when={kind() === 'term'}>
            <label>
              <span>{t('ruleTerm')}</span>
              <input name="obsTerm" value={term()} onInput={(e) => setTerm(e.currentTarget.value)} />
            </label>
          </Show>
          <Show when={kind() === 'nth'}>
            <label>
              <span>{t('obsNth')}</span>
              <select name="obsN" value={n()} onChange={num(setN)}>
                <For each={[1, 2, 3, 4, 5, -1]}>{(x) => <option value={x}>{x === -1 ? t('obsLast') : t('obsNthN', { n: x })}</option>}</For>
              </select>
            </label>
            <label>
              <span>{t('obsWeekday')}</span>
              <select name="obsWeekday" value={weekday()} onChange={num(setWeekday)}>
                <For each={[1, 2, 3, 4, 5, 6, 7]}>{(d) => <option value={d}>{t('obsWeekdayN', { n: d })}</option>}</For>
              </select>
            </label>
          </Show>
          <label>
            <span>{t('originYear')}</span>
            <input name="obsOrigin" inputMode="numeric" value={origin()} onInput={(e) => setOrigin(e.currentTarget.value)} />
          </label>
          <button type="submit" class="primary" data-testid="add-own-observance">
            {t('addOwnObservance')}
          </button>
          <Show when={error()}>
            <em class="error" role="alert">
              {error()}
            </em>
          </Show>
        </form>
      </Show>
    </aside>
  );
}
