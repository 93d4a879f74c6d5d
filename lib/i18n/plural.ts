import type { Lang } from './language';
import { type StringKey, translate } from './strings';

/** The keys that come as a pair, `<key>_one` and `<key>_other`. */
export type CountKey = { [K in StringKey]: K extends `${infer Base}_one` ? Base : never }[StringKey];

/**
 * A string that counts something, in the form the language's plural rules
 * ask for: "1 mention", "2 mentions"; French says "0 mention" as it says
 * "1 mention". `{count}` is filled with the number as the language writes it.
 * Forms other than one (French "many", for a million and up) take `_other`.
 */
export function translateCount(lang: Lang, key: CountKey, count: number, params: Record<string, string> = {}): string {
  const form = new Intl.PluralRules(lang).select(count) === 'one' ? 'one' : 'other';
  return translate(lang, `${key}_${form}` as StringKey, {
    ...params,
    count: new Intl.NumberFormat(lang).format(count),
  });
}
