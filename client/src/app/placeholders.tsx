import { A } from '@solidjs/router';
import { t } from '../i18n';

/** Routes of Contract 3 whose screens belong to later work: they answer, and say so plainly. */
export function NotYetBuilt() {
  return (
    <section class="page-message">
      <p>{t('comingSoon')}</p>
      <A href="..">{t('back')}</A>
    </section>
  );
}

export function NotFound() {
  return (
    <section class="page-message">
      <h1>{t('notFound')}</h1>
      <A href="/">{t('workspaces')}</A>
    </section>
  );
}
