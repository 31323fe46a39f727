import { A } from '@solidjs/router';
import { t } from '../i18n';


export function NotFound() {
  return (
    <section class="page-message">
      <h1>{t('notFound')}</h1>
      <A href="/">{t('workspaces')}</A>
    </section>
  );
}
