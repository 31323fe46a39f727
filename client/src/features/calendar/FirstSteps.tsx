import { Show } from 'solid-js';
import { A } from '@solidjs/router';
import { useWorkspace } from '../../stores/workspace-context';
import { setShareOpen } from '../collab/share-open';
import { t } from '../../i18n';

/**
 * An empty workspace (no activity, no plan) says how to begin: import the work plan, create an
 * activity, invite colleagues, each with its button. Gone as soon as there is anything.
 */
export function FirstSteps(props: { onCreate: () => void }) {
  const ws = useWorkspace();
  const empty = () => ws.canEdit() && ws.plans().length === 0 && ws.campaigns().length === 0 && ws.teams().length === 0 && !ws.hasEvents();
  return (
    <Show when={empty()}>
      <section class="first-steps" data-testid="first-steps" aria-labelledby="first-steps-title">
        <h2 id="first-steps-title">{t('firstStepsTitle')}</h2>
        <ol>
          <li>
            <A class="button-link primary" href={`/w/${ws.id}/plan`} data-testid="first-step-import">
              {t('firstStepImport')}
            </A>
            <p>{t('firstStepImportHint')}</p>
          </li>
          <li>
            <button type="button" data-testid="first-step-create" onClick={() => props.onCreate()}>
              {t('firstStepCreate')}
            </button>
            <p>{t('firstStepCreateHint')}</p>
          </li>
          <li>
            <button type="button" data-testid="first-step-share" onClick={() => setShareOpen(true)}>
              {t('firstStepShare')}
            </button>
            <p>{t('firstStepShareHint')}</p>
          </li>
        </ol>
      </section>
    </Show>
  );
}
