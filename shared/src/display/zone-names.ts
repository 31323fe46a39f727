/**
 * Names of time zones as people say them: "北京时间", "斯德哥尔摩时间", "Stockholm time".
 * Intl names zones by region ("中欧夏令时间") but not by city, and an organiser thinks of the
 * place a colleague's calendar came from; so the common zones are listed here, and others fall
 * back to the city part of the IANA name.
 */
export type ZoneLocale = 'zh' | 'en';

const CITIES: Readonly<Record<string, readonly [zh: string, en: string]>> = {
  'Asia/Shanghai': ['北京', 'Beijing'],
  'Asia/Hong_Kong': ['香港', 'Hong Kong'],
  'Asia/Macau': ['澳门', 'Macau'],
  'Asia/Taipei': ['台北', 'Taipei'],
  'Asia/Tokyo': ['东京', 'Tokyo'],
  'Asia/Seoul': ['首尔', 'Seoul'],
  'Asia/Singapore': ['新加坡', 'Singapore'],
  'Asia/Bangkok': ['曼谷', 'Bangkok'],
  'Asia/Kolkata': ['加尔各答', 'Kolkata'],
  'Asia/Dubai': ['迪拜', 'Dubai'],
  'Asia/Irkutsk': ['伊尔库茨克', 'Irkutsk'],
  'Asia/Ulaanbaatar': ['乌兰巴托', 'Ulaanbaatar'],
  'Europe/Moscow': ['莫斯科', 'Moscow'],
  'Europe/Berlin': ['柏林', 'Berlin'],
  'Europe/Paris': ['巴黎', 'Paris'],
  'Europe/London': ['伦敦', 'London'],
  'Europe/Stockholm': ['斯德哥尔摩', 'Stockholm'],
  'Europe/Budapest': ['布达佩斯', 'Budapest'],
  'Europe/Warsaw': ['华沙', 'Warsaw'],
  'Europe/Rome': ['罗马', 'Rome'],
  'Europe/Madrid': ['马德里', 'Madrid'],
  'Europe/Amsterdam': ['阿姆斯特丹', 'Amsterdam'],
  'Atlantic/Reykjavik': ['雷克雅未克', 'Reykjavik'],
  'America/New_York': ['纽约', 'New York'],
  'America/Chicago': ['芝加哥', 'Chicago'],
  'America/Denver': ['丹佛', 'Denver'],
  'America/Los_Angeles': ['洛杉矶', 'Los Angeles'],
  'America/Sao_Paulo': ['圣保罗', 'São Paulo'],
  'Australia/Sydney': ['悉尼', 'Sydney'],
  'Pacific/Auckland': ['奥克兰', 'Auckland'],
};

/** "北京时间" / "Beijing time"; UTC is "协调世界时" / "UTC". */
export function zoneName(zone: string, locale: ZoneLocale): string {
  if (zone === 'UTC' || zone === 'Etc/UTC') return locale === 'zh' ? '协调世界时' : 'UTC';
  const known = CITIES[zone];
  const city = known ? known[locale === 'zh' ? 0 : 1] : (zone.split('/').pop() ?? zone).replace(/_/g, ' ');
  return locale === 'zh' ? `${city}时间` : `${city} time`;
}
