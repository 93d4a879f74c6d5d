import { loadBundledFactBase } from '@/lib/facts/bundled';
import { contentHash } from '@/lib/facts/content-hash';
import { buildCard, type EntityCard } from '@/lib/facts/query';
import { type FactBase, parseFactBase } from '@/lib/facts/schema';

/** The real seed, validated as the extension validates it. */
export function seedBase(): FactBase {
  return loadBundledFactBase().base;
}

/**
 * A small, hand-built fact base for unit tests: three entities, four facts
 * (one of them background), two sections; no title or outlet known.
 *
 * Deliberately awkward orderings, so that tests can tell them apart:
 * - entities are not in id order (siri, craig-federighi, apple);
 * - facts are neither in id order nor in paragraph order, and the facts of
 *   `siri` sorted by id (IndexedDB key order) are not sorted by paragraph.
 */
export function sampleBaseData() {
  return {
    formatVersion: 2,
    id: 'sample-pack',
    version: 'test-1',
    name: { en: 'Tensions in Apple’s AI team', fr: 'Tensions dans l’équipe IA d’Apple' },
    source: {
      language: 'fr',
      date: '2025-07',
      relays: 'The Information',
      label: {
        en: 'French-language article, July 2025, relaying The Information',
        fr: 'Article en français, juillet 2025, relayant The Information',
      },
      paragraphs: 9,
      sections: [
        { heading: 'Un projet abandonné', from: 2 },
        { heading: 'En coulisses', from: 8 },
      ],
    },
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
        descriptionBackground: true,
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
export function entityOf(base: FactBase, id: string) {
  const entity = base.entities.find((e) => e.id === id);
  if (!entity) throw new Error(`no entity ${id} in the sample base`);
  return entity;
}

export function factOf(base: FactBase, id: string) {
  const fact = base.facts.find((f) => f.id === id);
  if (!fact) throw new Error(`no fact ${id} in the sample base`);
  return fact;
}

/** An entity of `base` as the database stores it: with its pack and its place in the pack. */
export function storedEntity(base: FactBase, id: string) {
  return { ...entityOf(base, id), pack: base.id, n: base.entities.findIndex((e) => e.id === id) };
}

export function storedFact(base: FactBase, id: string) {
  return { ...factOf(base, id), pack: base.id, n: base.facts.findIndex((f) => f.id === id) };
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
