/**
 * Case- and accent-insensitive comparison key, for search. (The page matcher
 * has its own offset-preserving fold; this one may change string length.)
 */
export function foldForSearch(text: string): string {
  return text
    .replace(/œ/gi, 'oe')
    .replace(/æ/gi, 'ae')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[\u2019\u2018\u02bc]/g, "'")
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}
