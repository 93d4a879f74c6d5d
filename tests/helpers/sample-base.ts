import { loadBundledFactBase } from '@/lib/facts/bundled';
import { contentHash } from '@/lib/facts/content-hash';
import { buildCard, type EntityCard } from '@/lib/facts/query';
import { type FactBase, parseFactBase } from '@/lib/facts/schema';

/** The real seed, validated as the extension validates it. */
export function seedBase(): FactBase {
  return loadBundledFactBase().base;
}

/** The article both hand-built bases stand for (their titles tell them apart). */
function article(title: { en: string; fr: string }) {
  return { title, language: 'fr', date: '2025-07', reporting: 'The Information', paragraphs: 9 };
}

/**
 * A small, hand-built fact base for unit tests: three entities, four facts.
 *
 * Deliberately awkward orderings, so that tests can tell them apart:
 * - entities are not in id order (siri, craig-federighi, apple);
 * - facts are neither in id order nor in paragraph order, and the facts of
 *   `siri` sorted by id (IndexedDB key order) are not sorted by paragraph.
 */
export function sampleBaseData() {
  return {
    formatVersion: 1,
    version: 'test-1',
    source: article({ en: 'Tensions in Apple’s AI team', fr: 'Tensions dans l’équipe IA d’Apple' }),
    summary: {
      headline: { en: 'Apple shelved an open-source plan', fr: 'Apple a enterré un projet open source' },
      points: [
        {
          en: 'The models team wanted to publish its models.',
          fr: 'L’équipe des modèles voulait publier ses modèles.',
        },
        { en: 'Craig Federighi opposed it.', fr: 'Craig Federighi s’y est opposé.' },
      ],
    },
    entities: [
      {
        id: 'siri',
        type: 'product',
        category: 'subject',
        name: { en: 'Siri', fr: 'Siri' },
        description: { en: 'Apple’s voice assistant.', fr: 'L’assistant vocal d’Apple.' },
        aliases: [{ text: 'Siri', match: 'fold' }],
        related: ['craig-federighi', 'apple'],
      },
      {
        id: 'craig-federighi',
        type: 'person',
        category: 'subject',
        name: { en: 'Craig Federighi', fr: 'Craig Federighi' },
        description: {
          en: 'Apple’s head of software engineering.',
          fr: 'Responsable de l’ingénierie logicielle d’Apple.',
        },
        aliases: [
          { text: 'Craig Federighi', match: 'fold' },
          { text: 'Federighi', match: 'case', afterFullName: true },
        ],
        related: ['apple'],
      },
      {
        id: 'apple',
        type: 'company',
        category: 'organisation',
        name: { en: 'Apple', fr: 'Apple' },
        description: { en: 'The company behind the iPhone.', fr: 'L’entreprise qui fait l’iPhone.' },
        aliases: [{ text: 'Apple', match: 'case' }],
        related: [],
      },
    ],
    facts: [
      {
        id: 'siri-delay',
        text: { en: 'Apple delayed the new Siri.', fr: 'Apple a repoussé le nouveau Siri.' },
        paragraph: 8,
        entities: ['siri', 'apple'],
      },
      {
        id: 'external-models',
        text: {
          en: 'Apple considered outside models for Siri.',
          fr: 'Apple a envisagé des modèles extérieurs pour Siri.',
        },
        paragraph: 9,
        entities: ['apple', 'siri'],
      },
      {
        id: 'federighi-team',
        text: { en: 'Craig Federighi’s team took over Siri.', fr: 'L’équipe de Craig Federighi a repris Siri.' },
        paragraph: 4,
        entities: ['craig-federighi', 'siri'],
      },
      {
        id: 'apple-cupertino',
        text: { en: 'Apple is based in Cupertino.', fr: 'Apple a son siège à Cupertino.' },
        paragraph: 1,
        entities: ['apple'],
        background: true,
      },
    ],
  };
}

/** A fresh, validated copy (tests may mutate it). */
export function sampleBase(): FactBase {
  return parseFactBase(sampleBaseData());
}

export const SAMPLE_HASH = contentHash(sampleBase());

/** Ids of the facts of `siri`, in paragraph order. */
export const SIRI_FACTS_BY_PARAGRAPH = ['federighi-team', 'siri-delay', 'external-models'];

/** The entity or fact with this id in `base`; throws if there is none (keeps tests free of `!`). */
export function entityOf(base: Pick<FactBase, 'entities'>, id: string) {
  const entity = base.entities.find((e) => e.id === id);
  if (!entity) throw new Error(`no entity ${id} in this base`);
  return entity;
}

export function factOf(base: Pick<FactBase, 'facts'>, id: string) {
  const fact = base.facts.find((f) => f.id === id);
  if (!fact) throw new Error(`no fact ${id} in this base`);
  return fact;
}

/** The card the extension would build for `entityId` from `base`. */
export function cardFor(base: Pick<FactBase, 'entities' | 'facts'>, entityId: string): EntityCard {
  return buildCard(entityOf(base, entityId), base.facts, base.entities);
}

export const HOSTILE = '<img src=x onerror=alert(1)>';

/**
 * A small hand-made base, run through the real schema so it cannot drift
 * from what the extension accepts:
 * - `lens-maker` has two facts (one background, one not; out of paragraph
 *   order in the array) and one related entity, `quiet-one`;
 * - `quiet-one` has no facts and no related entities;
 * - `hostile` has markup in its name, description and fact text.
 */
export function handMadeBase(): FactBase {
  return parseFactBase({
    formatVersion: 1,
    version: 'hand-7',
    source: article({ en: 'A hand-made source', fr: 'Une source faite main' }),
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
        paragraph: 2,
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
