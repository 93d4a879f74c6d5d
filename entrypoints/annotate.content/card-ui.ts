// Entry of the card part, built by modules/card-chunk.ts into one ES module that
// the content script imports on the first mention (see docs/architecture.md).
export { createCardUi } from '@/lib/card/card-ui';
