import { locale, setLocale, t } from '../i18n';

export function LanguageToggle() {
  return (
    // The other language, named in itself (中文 / English), as language switches do.
    <button
      type="button"
      class="link-btn"
      data-testid="language"
      lang={locale() === 'zh' ? 'en' : 'zh-CN'}
      title={locale() === 'zh' ? '切换到英文' : 'Switch to Chinese'}
      aria-label={locale() === 'zh' ? '切换到英文 (English)' : 'Switch to Chinese (中文)'}
      onClick={() => setLocale(locale() === 'zh' ? 'en' : 'zh')}
    >
      {t('language')}
    </button>
  );
}
