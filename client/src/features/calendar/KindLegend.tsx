import { For } from 'solid-js';
import type { SetStoreFunction } from 'solid-js/store';
import { EVENT_KINDS } from '@shared/schema/types';
import { KIND_COLORS } from '@shared/display/kind-colors';
import { kindLabel, t } from '../../i18n';
import type { Filters } from '../../stores/filters';

/** The colour legend doubles as the kind filter: click a kind to hide or show it. */
export function KindLegend(props: { filters: Filters; setFilters: SetStoreFunction<Filters> }) {
  return (
    <div class="legend" role="group" aria-label={t('legend')} data-testid="kind-legend">
      <For each={EVENT_KINDS}>
        {(k) => (
          <button
            type="button"
            class="legend-item"
            classList={{ off: !props.filters.kinds[k] }}
            aria-pressed={props.filters.kinds[k]}
            data-kind={k}
            onClick={() => props.setFilters('kinds', k, (v) => !v)}
          >
            <span class="swatch" style={{ background: KIND_COLORS[k] }} />
            {kindLabel(k)}
          </button>
        )}
      </For>
    </div>
  );
}
