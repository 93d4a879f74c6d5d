/**
 * Strings of the settings' storage, snoozes and muted names, in both
 * languages; merged into the one catalog of strings.ts. Keys ending in
 * `_one` / `_other` are plural forms, chosen with Intl.PluralRules
 * (translatePlural in format.ts).
 */
export const settingsEn = {
  badgeSnoozed: 'Context Lens is snoozed on {site} until {time}',
  badgeSaveFailed: 'Context Lens: the change for {site} could not be saved.',
  snoozeLegend: 'Snooze on {site}',
  snoozeHour: 'For an hour',
  snoozeTomorrow: 'Until tomorrow morning',
  snoozedNotice: 'Snoozed on {site} until {time}.',
  snoozeResume: 'Resume now',
  snoozeClear: 'Clear the snoozes',
  snoozeFailed: 'The snooze could not be saved.',
  undecidedNotice: 'Context Lens stays off on {site}: {names} could not be read. See Settings.',
  settingName_siteRules: 'the list of sites',
  settingName_paused: 'the pause switch',
  settingName_snoozes: 'the snoozes',
  settingName_mutedEntities: 'the muted names',
  optSitesCount_one: '{count} site listed',
  optSitesCount_other: '{count} sites listed',
  optSitesFilter: 'Find a site in the list',
  optSitesShown: 'Sites found: {shown} of {total}.',
  optSitesMore: '{count} more not shown: find a site to see it.',
  optStorageSync: 'Synced with your other browsers ({size} of the {limit} that can be synced).',
  optStorageLocal:
    'Kept in this browser only: the list takes {size}, more than the {limit} that can be synced. Your other browsers keep the list they last received.',
  optSitesLimits:
    'Up to {max} sites. A list over about {limit} is kept in this browser only. A site name has at most 253 characters.',
  optMovedLocal: 'The list is now too large to sync: it is kept in this browser only.',
  optMovedSync: 'The list is synced again with your other browsers.',
  optSaveReasonRate: 'Too many changes in a short time: wait a minute and try again.',
  optSaveReasonSpace: 'The browser has no room left to store it.',
  optSaveReasonTooMany: 'The list would have more than {max} sites.',
  optSaveReasonUnavailable: 'The stored list could not be read whole; try again in a moment.',
  optShownStored: 'What is shown is what is stored.',
  optSitesUnreadable:
    'The list of sites could not be read, so Context Lens stays off everywhere. Reload this page to try again.',
  optSitesIncomplete:
    'The list of sites has not fully arrived from your other browsers, so Context Lens stays off until it has. It cannot be changed meanwhile.',
  optModeUnknown: 'Where to highlight could not be read, so Context Lens stays off everywhere until you choose below.',
  optEntriesUnreadableAllExcept:
    'Some entries of the list are not sites: {entries}. Until you remove them, Context Lens stays off on sites not listed, in case one of them was.',
  optEntriesUnreadableOnlyListed: 'Some entries of the list are not sites, and are ignored: {entries}.',
  optSiteTooLong: 'A site name has at most 253 characters.',
  optRemoveUnreadable: 'Remove them',
  optUnreadableRemoved: 'Entries that were not sites removed.',
  rejectReason_notText: 'not text',
  rejectReason_tooLong: 'longer than 253 characters',
  rejectReason_notASite: 'not a site',
  optImportTooMany: '{file} holds {count} entries; a file may hold at most {max}. Nothing was changed.',
  optImportNewer: '{file} was exported by a newer version of Context Lens. Nothing was changed.',
  optImportLimits: 'A file may hold up to {max} sites and weigh up to {size}.',
  optImportMuted_one: '{count} muted name added.',
  optImportMuted_other: '{count} muted names added.',
  optTransferHeading: 'Export and import',
  optTransferHint:
    'The file holds where to highlight, the list of sites and the muted names. Importing adds its sites and muted names to yours; your choice of where to highlight stays as it is.',
  optMutedHeading: 'Muted names',
  optMutedHint: 'A name you mute from its card is never highlighted. Unmute it to see it again.',
  optMutedNone: 'No name is muted.',
  optUnmuteName: 'Unmute {name}',
  optUnmute: 'Unmute',
  optUnmuted: '{name} unmuted.',
  optMutedUnknown: '{id} (not in this fact base)',
  optMutedDamaged:
    'The list of muted names could not be read, so Context Lens stays off everywhere until you clear it.',
  optMutedClear: 'Clear the list',
  optMutedCleared: 'The list of muted names is empty.',
} as const;

export type SettingsStringKey = keyof typeof settingsEn;

export const settingsFr: Record<SettingsStringKey, string> = {
  badgeSnoozed: 'Context Lens est suspendu sur {site} jusqu’à {time}',
  badgeSaveFailed: 'Context Lens : le changement pour {site} n’a pas pu être enregistré.',
  snoozeLegend: 'Suspendre sur {site}',
  snoozeHour: 'Pendant une heure',
  snoozeTomorrow: 'Jusqu’à demain matin',
  snoozedNotice: 'Suspendu sur {site} jusqu’à {time}.',
  snoozeResume: 'Reprendre maintenant',
  snoozeClear: 'Effacer les suspensions',
  snoozeFailed: 'La suspension n’a pas pu être enregistrée.',
  undecidedNotice: 'Context Lens reste désactivé sur {site} : impossible de lire {names}. Voir les réglages.',
  settingName_siteRules: 'la liste des sites',
  settingName_paused: 'l’interrupteur de pause',
  settingName_snoozes: 'les suspensions',
  settingName_mutedEntities: 'les noms masqués',
  optSitesCount_one: '{count} site dans la liste',
  optSitesCount_other: '{count} sites dans la liste',
  optSitesFilter: 'Chercher un site dans la liste',
  optSitesShown: 'Sites trouvés : {shown} sur {total}.',
  optSitesMore: '{count} de plus, non affichés : cherchez un site pour le voir.',
  optStorageSync: 'Synchronisée avec vos autres navigateurs ({size} sur les {limit} synchronisables).',
  optStorageLocal:
    'Conservée dans ce navigateur seulement : la liste occupe {size}, plus que les {limit} synchronisables. Vos autres navigateurs gardent la dernière liste reçue.',
  optSitesLimits:
    'Jusqu’à {max} sites. Une liste de plus de {limit} environ est conservée dans ce navigateur seulement. Un nom de site compte au plus 253 caractères.',
  optMovedLocal:
    'La liste est désormais trop grande pour être synchronisée : elle est conservée dans ce navigateur seulement.',
  optMovedSync: 'La liste est de nouveau synchronisée avec vos autres navigateurs.',
  optSaveReasonRate: 'Trop de modifications en peu de temps : attendez une minute et réessayez.',
  optSaveReasonSpace: 'Le navigateur n’a plus de place pour l’enregistrer.',
  optSaveReasonTooMany: 'La liste dépasserait {max} sites.',
  optSaveReasonUnavailable: 'La liste enregistrée n’a pas pu être lue en entier ; réessayez dans un instant.',
  optShownStored: 'Ce qui est affiché est ce qui est enregistré.',
  optSitesUnreadable:
    'La liste des sites n’a pas pu être lue : Context Lens reste désactivé partout. Rechargez cette page pour réessayer.',
  optSitesIncomplete:
    'La liste des sites n’est pas encore arrivée en entier de vos autres navigateurs : Context Lens reste désactivé en attendant, et elle ne peut pas être modifiée.',
  optModeUnknown:
    'Le choix « Où surligner » n’a pas pu être lu : Context Lens reste désactivé partout jusqu’à ce que vous choisissiez ci-dessous.',
  optEntriesUnreadableAllExcept:
    'Certaines entrées de la liste ne sont pas des sites : {entries}. Tant que vous ne les retirez pas, Context Lens reste désactivé sur les sites absents de la liste, au cas où l’un d’eux y aurait figuré.',
  optEntriesUnreadableOnlyListed: 'Certaines entrées de la liste ne sont pas des sites et sont ignorées : {entries}.',
  optSiteTooLong: 'Un nom de site compte au plus 253 caractères.',
  optRemoveUnreadable: 'Les retirer',
  optUnreadableRemoved: 'Entrées qui n’étaient pas des sites retirées.',
  rejectReason_notText: 'pas du texte',
  rejectReason_tooLong: 'plus de 253 caractères',
  rejectReason_notASite: 'pas un site',
  optImportTooMany: '{file} contient {count} entrées ; un fichier en contient au plus {max}. Rien n’a été modifié.',
  optImportNewer: '{file} a été exporté par une version plus récente de Context Lens. Rien n’a été modifié.',
  optImportLimits: 'Un fichier contient au plus {max} sites et pèse au plus {size}.',
  optImportMuted_one: '{count} nom masqué ajouté.',
  optImportMuted_other: '{count} noms masqués ajoutés.',
  optTransferHeading: 'Exporter et importer',
  optTransferHint:
    'Le fichier contient le choix « Où surligner », la liste des sites et les noms masqués. L’import ajoute ses sites et ses noms masqués aux vôtres ; votre choix « Où surligner » ne change pas.',
  optMutedHeading: 'Noms masqués',
  optMutedHint: 'Un nom masqué depuis sa fiche n’est plus jamais surligné. Réaffichez-le pour le revoir.',
  optMutedNone: 'Aucun nom n’est masqué.',
  optUnmuteName: 'Réafficher {name}',
  optUnmute: 'Réafficher',
  optUnmuted: '{name} réaffiché.',
  optMutedUnknown: '{id} (absent de cette base de faits)',
  optMutedDamaged:
    'La liste des noms masqués n’a pas pu être lue : Context Lens reste désactivé partout jusqu’à ce que vous la vidiez.',
  optMutedClear: 'Vider la liste',
  optMutedCleared: 'La liste des noms masqués est vide.',
};
