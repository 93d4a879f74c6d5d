/**
 * Words of closed classes (articles, prepositions, conjunctions, pronouns,
 * sentence adverbs) and titles ("Mr", "Mme") in the languages the extension
 * reads: capitalised at the start of a sentence ("Selon Pang", "When
 * Apple"), they are not the first name of someone else. Folded (lower case,
 * no accents).
 */
const EN = `a about above according after against all also although an and another any are as at because before
behind below beneath besides between beyond both but by despite during each either even ever every for from here
how however if in including inside instead into it its just like meanwhile moreover most much neither nor not now
of off on once only onto or other our outside over perhaps since so some still such than that the their then there
these they this those though through thus to together too toward towards under unlike until up upon us via was we
were what when whenever where whereas whether which while who whom whose why with within without yet you your dr mr
mrs ms prof`;

const FR = `a afin ainsi alors apres au aupres aussi autour aux avant avec bien c ca car ce ceci cela celle celui cependant
ces cet cette chez comme comment contre d dans de depuis des desormais dont du durant elle elles en encore enfin entre
et etre eux hier il ils jusqu l la le les leur leurs lors lorsque lui m ma mais malgre me meme mes moi mon n ne ni non
nos notre nous on or ou outre par parce parmi pas pendant peut plus plutot pour pourquoi pourtant puis qu quand que
quel quelle quelles quels qui quoi sa sans se selon ses si sinon soit son sous sur ta tandis tant te tes toi ton tous
tout toute toutes tu un une vers voici voila vos votre vous y d'apres aujourd'hui ensuite surtout egalement
notamment d'ailleurs m mme pr`;

export const FUNCTION_WORDS: ReadonlySet<string> = new Set([...EN.split(/\s+/), ...FR.split(/\s+/)].filter(Boolean));
