// A large fact pack for the pack benchmark (bench/pack.mjs) and the import
// test: `people` fictional people, each with a full name and a bare surname
// that counts after it (two aliases), one fact each, and an entity named
// like one of the bundled pack's (so that the merge is measured too).
// Deterministic: the same count gives the same pack.
import { FIRST, generatedAliases } from './synth.mjs';

const FORMAT_VERSION = 2;

/** A pack of `aliases` aliases (an even number): half full names, half bare surnames. */
export function syntheticPack(aliases = 10_000) {
  const people = Math.floor(aliases / 2) - 1;
  const names = generatedAliases(people, 11);
  const paragraphs = 200;
  const entities = names.map((full, i) => {
    const surname = full.slice(full.indexOf(' ') + 1);
    const group = `p${i}`;
    return {
      id: `person-${i}`,
      type: 'person',
      category: 'subject',
      name: { en: full, fr: full },
      description: {
        en: `${full} is named in paragraph ${(i % paragraphs) + 1} of the generated source.`,
        fr: `${full} est nommé au paragraphe ${(i % paragraphs) + 1} de la source générée.`,
      },
      aliases: [
        { text: full, match: 'fold', context: { name: 'full', group } },
        {
          text: surname,
          match: 'case',
          afterFullName: true,
          context: { name: 'surname', group, otherNameBefore: true },
        },
      ],
      related: i > 0 ? [`person-${i - 1}`] : [],
    };
  });
  // Named like the bundled pack's Siri: one highlight, one card with both packs' facts.
  entities.push({
    id: 'voice-assistant',
    type: 'product',
    category: 'subject',
    name: { en: 'Siri', fr: 'Siri' },
    description: {
      en: 'A voice assistant, as the generated source names it.',
      fr: 'Un assistant vocal, selon la source générée.',
    },
    aliases: [
      { text: 'Siri', match: 'fold' },
      { text: 'Siri Assistant', match: 'fold' },
    ],
    related: [],
  });
  const facts = entities.map((e, i) => ({
    id: `fact-${i}`,
    text: {
      en: `${e.name.en} took part in the events the generated source reports, with ${FIRST[i % FIRST.length]} as a witness.`,
      fr: `${e.name.fr} a pris part aux événements que rapporte la source générée, avec ${FIRST[i % FIRST.length]} pour témoin.`,
    },
    paragraph: (i % paragraphs) + 1,
    entities: [e.id],
  }));
  return {
    formatVersion: FORMAT_VERSION,
    id: 'generated-people',
    version: '1',
    name: { en: 'Generated people (benchmark)', fr: 'Personnes générées (banc d’essai)' },
    source: {
      language: 'en',
      date: '2024-01',
      label: { en: 'Generated source, January 2024', fr: 'Source générée, janvier 2024' },
      paragraphs,
      sections: [],
    },
    summary: {
      headline: { en: 'A large generated pack', fr: 'Un grand paquet généré' },
      points: [{ en: 'Made for measuring.', fr: 'Fait pour mesurer.' }],
    },
    entities,
    facts,
  };
}
