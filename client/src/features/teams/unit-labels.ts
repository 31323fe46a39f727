/** Category labels of host units in the app's language (the "六进" categories). */
import { UNIT_CATEGORIES, type UnitCategory } from '@shared/schema/types';
import { UNIT_CATEGORY_LABELS } from '@shared/tours';
import { locale } from '../../i18n';

export const categoryLabel = (c: UnitCategory): string => UNIT_CATEGORY_LABELS[locale()][c];
export { UNIT_CATEGORIES };
