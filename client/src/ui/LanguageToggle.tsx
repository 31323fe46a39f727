import { locale, setLocale, t } from '../i18n';

export function LanguageToggle() {
  return (
    <button type="button" class="link-btn" data-testid="language" onClick={() => setLocale(locale() === 'zh' ? 'en' : 'zh')}>
      {t('language')}
    </button>
  );
}
