/** The card's own controls (pin, mute, longer lists), in both languages; merged into the catalogue by strings.ts. */
export const cardEn = {
  pin: 'Keep this card open',
  pinned: 'Pinned',
  mute: 'Don’t highlight {name}',
  unmute: 'Highlight {name} again',
  mutedNote: '{name} is no longer highlighted on any page.',
  mutedHeading: 'Not highlighted',
  showAllFacts: 'Show all {count} facts',
  showFewerFacts: 'Show fewer facts',
};

export const cardFr: Record<keyof typeof cardEn, string> = {
  pin: 'Garder cette fiche ouverte',
  pinned: 'Épinglée',
  mute: 'Ne plus surligner {name}',
  unmute: 'Surligner à nouveau {name}',
  mutedNote: '{name} n’est plus surligné sur aucune page.',
  mutedHeading: 'Non surlignés',
  showAllFacts: 'Voir les {count} faits',
  showFewerFacts: 'Voir moins de faits',
};
