import { describe, expect, it } from 'vitest';
import { CATEGORIES } from '@/lib/facts/schema';
import { scorePassages } from '@/tests/helpers/precision';
import { everything, subjects } from '@/tests/helpers/seed-matchers';

describe('precision and recall on the labelled passages', () => {
  for (const [name, matcher, categories] of [
    ['default categories', subjects, ['subject'] as const],
    ['every category', everything, CATEGORIES],
  ] as const) {
    it(`finds every mention and nothing else, ${name}`, async () => {
      const score = await scorePassages(matcher, categories);
      console.log(
        `${name}: precision ${score.precision.toFixed(3)}, recall ${score.recall.toFixed(3)} ` +
          `(${score.truePositives} found, ${score.falsePositives} wrong, ${score.falseNegatives} missed)`,
      );
      expect(score.errors).toEqual([]);
    });
  }
});
