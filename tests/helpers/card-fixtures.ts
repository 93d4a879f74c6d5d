import { loadBundledFactBase } from '@/lib/facts/bundled';
import { buildCard, type EntityCard } from '@/lib/facts/query';
import { type FactBase, parseFactBase } from '@/lib/facts/schema';

/** The real seed, validated as the extension validates it. */
export function seedBase(): FactBase {
  return loadBundledFactBase().base;
}

/** The card the extension would build for `entityId` from `base`. */
export function cardFor(base: Pick<FactBase, 'entities' | 'facts'>, entityId: string): EntityCard {
  const entity = base.entities.find((e) => e.id === entityId);
  if (!entity) throw new Error(`fixture: no entity ${entityId}`);
  return buildCard(entity, base.facts, base.entities);
}

export const HOSTILE = '<img src=x onerror=alert(1)>';

/**
 * A small hand-made base, run through the real schema so it cannot drift
 * from what the extension accepts:
 * - `lens-maker` has two facts (one background, listed first; one of
 *   paragraph 7, in the section "Troisième partie") and one related entity,
 *   `quiet-one`;
 * - `quiet-one` has no facts, no related entities, and a background description;
 * - `hostile` has markup in its name, description and fact text (paragraph 3,
 *   whose section heading holds markup too, as does the source's title).
 */
export function handMadeBase(): FactBase {
  return parseFactBase({
    formatVersion: 2,
    id: 'hand-made',
    version: 'hand-7',
    name: { en: 'A hand-made pack', fr: 'Un paquet fait main' },
    source: {
      language: 'fr',
      date: '2025-07-14',
      title: `${HOSTILE}Une source faite main`,
      outlet: 'Le Quotidien des lentilles',
      url: 'https://example.com/lentilles',
      label: { en: 'French-language article, July 14, 2025', fr: 'Article en français, 14 juillet 2025' },
      paragraphs: 9,
      sections: [
        { heading: 'Première partie', from: 1 },
        { heading: `${HOSTILE}Deuxième partie`, from: 3 },
        { heading: 'Troisième partie', from: 5 },
      ],
    },
    summary: {
      headline: { en: 'Hand-made headline', fr: 'Titre fait main' },
      points: [{ en: 'One point.', fr: 'Un point.' }],
    },
    entities: [
      {
        id: 'lens-maker',
        type: 'team',
        category: 'organisation',
        name: { en: 'The lens makers', fr: 'Les fabricants de lentilles' },
        description: { en: 'A team that grinds lenses.', fr: 'Une équipe qui polit des lentilles.' },
        aliases: [{ text: 'lens makers', match: 'fold' }],
        related: ['quiet-one'],
      },
      {
        id: 'quiet-one',
        type: 'model',
        category: 'model',
        name: { en: 'Quiet model', fr: 'Modèle discret' },
        description: { en: 'A model nobody talks about.', fr: 'Un modèle dont personne ne parle.' },
        descriptionBackground: true,
        aliases: [{ text: 'Quiet model', match: 'fold' }],
        related: [],
      },
      {
        id: 'hostile',
        type: 'publication',
        category: 'organisation',
        name: { en: `${HOSTILE}Evil Daily`, fr: `${HOSTILE}Le Quotidien maléfique` },
        description: { en: `Described as ${HOSTILE}`, fr: `Décrit comme ${HOSTILE}` },
        aliases: [{ text: 'Evil Daily', match: 'fold' }],
        related: ['lens-maker'],
      },
    ],
    facts: [
      {
        id: 'lens-later',
        text: { en: 'The lens makers shipped late.', fr: 'Les fabricants de lentilles ont livré en retard.' },
        paragraph: 7,
        entities: ['lens-maker'],
      },
      {
        id: 'lens-background',
        text: { en: 'Lenses are made of glass.', fr: 'Les lentilles sont en verre.' },
        entities: ['lens-maker'],
        background: true,
      },
      {
        id: 'hostile-fact',
        text: { en: `Fact with ${HOSTILE} inside`, fr: `Fait avec ${HOSTILE} dedans` },
        paragraph: 3,
        entities: ['hostile'],
      },
    ],
  });
}
