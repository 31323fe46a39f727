/**
 * The order a tour visits its units in when the user lets us group them: one category after
 * another (UNIT_CATEGORIES order), within a category by address prefix so that neighbours come
 * together, then by name. Units without an address come last in their category.
 */
import { UNIT_CATEGORIES, type UnitRecord } from '../schema/types';

/**
 * The leading part of a Chinese address that says which neighbourhood it is in: up to the
 * first 街道, 镇 or 乡 (street or town level), else the first 区 or 县, else the first 市, else
 * the whole address. Sorting by it keeps one district's units together (its prefixes share a
 * beginning) and one street's units next to each other.
 */
export function addressPrefix(address: string | undefined): string {
  const text = (address ?? '').trim();
  const match = /^.*?(?:街道|镇|乡)/.exec(text) ?? /^.*?(?:区|县)/.exec(text) ?? /^.*?市/.exec(text);
  return match ? match[0] : text;
}

const collator = new Intl.Collator('zh-Hans-CN', { numeric: true });

export function groupUnits(units: readonly UnitRecord[]): UnitRecord[] {
  const keyed = units.map((unit) => ({ unit, category: UNIT_CATEGORIES.indexOf(unit.category), prefix: addressPrefix(unit.address) }));
  keyed.sort(
    (x, y) =>
      x.category - y.category ||
      Number(x.prefix === '') - Number(y.prefix === '') ||
      collator.compare(x.prefix, y.prefix) ||
      collator.compare(x.unit.name, y.unit.name),
  );
  return keyed.map((k) => k.unit);
}
