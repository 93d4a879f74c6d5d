// Synthetic article pages of a chosen amount of text, with realistic markup
// (nav, sections, paragraphs, links, inline emphasis, lists, tables, quotes)
// and mentions of the default aliases at a realistic density. Deterministic:
// the same size and seed give the same page.

/** Small, fast, seedable PRNG (mulberry32). */
export function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = `the of and to a in is it you that he was for on are with as his they be at one have this from or had by
word but what some we can out other were all there when up use your how said an each she which do their time if will way
about many then them write would like so these her long make thing see him two has look more day could go come did number
sound no most people my over know water than call first who may down side been now find any new work part take get place
made live where after back little only round man year came show every good me give our under name very through just form
sentence great think say help low line differ turn cause much mean before move right boy old too same tell does set three
want air well also play small end put home read hand port large spell add even land here must big high such follow act why
ask men change went light kind off need house picture try us again animal point mother world near build self earth father
head stand own page should country found answer school grow study still learn plant cover food sun four between state keep
eye never last let thought city tree cross farm hard start might story saw far sea draw left late run while press close
night real life few north open seem together next white children begin got walk example ease paper group always music those
both mark often letter until mile river car feet care second book carry took science eat room friend began idea fish
mountain stop once base hear horse cut sure watch color face wood main enough plain girl usual young ready above ever red
list though feel talk bird soon body dog family direct pose leave song measure door product black short numeral class wind
question happen complete ship area half rock order fire south problem piece told knew pass since top whole king space heard
best hour better true during hundred five remember step early hold west ground interest reach fast verb sing listen six
table travel less morning ten simple several vowel toward war lay against pattern slow center love person money serve
appear road map rain rule govern pull cold notice voice unit power town fine certain fly fall lead cry dark machine note
wait plan figure star box noun field rest correct able pound done beauty drive stood contain front teach week final gave
green oh quick develop ocean warm free minute strong special mind behind clear tail produce fact street inch multiply
nothing course stay wheel full force blue object decide surface deep moon island foot system busy test record boat common
gold possible plane stead dry wonder laugh thousand ago ran check game shape equate hot miss brought heat snow tire bring
yes distant fill east paint language among device software model team report company market feature update privacy
research engineer release launch assistant developer chip server cloud data network phone tablet screen battery`
  .split(/\s+/)
  .filter(Boolean);

// Capitalised words that start like an alias without being one: the matcher's walks must begin and die on them.
const NEAR_MISSES = [
  'Apple',
  'Applesauce',
  'Sirius',
  'Sirio',
  'Craig Newman',
  'Pangolin',
  'Pangea',
  'Intelligence',
  'Ruomi',
  'Federal',
  'Silicon Valley',
  'California',
  'Cupertino',
  'Google',
  'Microsoft',
  'Samsung',
  'Europe',
  'Monday',
  'Tuesday',
];

/** First names: also the first words of the generated aliases (see `generatedAliases`). */
export const FIRST =
  `James Mary Robert Patricia John Jennifer Michael Linda David Elizabeth William Barbara Richard Susan
Joseph Jessica Thomas Sarah Charles Karen Christopher Lisa Daniel Nancy Matthew Betty Anthony Margaret Mark Sandra Donald
Ashley Steven Kimberly Paul Emily Andrew Donna Joshua Michelle Kenneth Carol Kevin Amanda Brian Dorothy George Melissa
Timothy Deborah Ronald Stephanie Edward Rebecca Jason Sharon Jeffrey Laura Ryan Cynthia Jacob Kathleen Gary Amy Nicholas
Angela Eric Shirley Jonathan Anna Stephen Brenda Larry Pamela Justin Emma Scott Nicole Brandon Helen Benjamin Samantha
Samuel Katherine Gregory Christine Alexander Debra Frank Rachel Patrick Carolyn Raymond Janet Jack Catherine Dennis Maria
Jerry Heather Tyler Diane Aaron Ruth Jose Julie Adam Olivia Nathan Joyce Henry Virginia Douglas Victoria Zachary Kelly
Peter Lauren Kyle Christina Ethan Joan Walter Evelyn Noah Judith Jeremy Megan Christian Andrea Keith Cheryl Roger Hannah
Terry Jacqueline Gerald Martha Harold Gloria Sean Teresa Austin Ann Carl Sara Arthur Madison Lawrence Frances Dylan
Kathryn Jesse Janice Jordan Jean Bryan Abigail Billy Alice Joe Judy Bruce Sophia Gabriel Grace Logan Denise Albert
Amber Willie Doris Alan Marilyn Juan Danielle Wayne Beverly Élodie Zoë Jürgen Søren Anaïs François Chloé Hélène`
    .split(/\s+/)
    .filter(Boolean);

const LAST = `Smith Johnson Williams Brown Jones Garcia Miller Davis Rodriguez Martinez Hernandez Lopez Gonzalez Wilson
Anderson Thomas Taylor Moore Jackson Martin Lee Perez Thompson White Harris Sanchez Clark Ramirez Lewis Robinson Walker
Young Allen King Wright Scott Torres Nguyen Hill Flores Green Adams Nelson Baker Hall Rivera Campbell Mitchell Carter
Roberts Gomez Phillips Evans Turner Diaz Parker Cruz Edwards Collins Reyes Stewart Morris Morales Murphy Cook Rogers
Gutierrez Ortiz Morgan Cooper Peterson Bailey Reed Kelly Howard Ramos Kim Cox Ward Richardson Watson Brooks Chavez Wood
James Bennett Gray Mendoza Ruiz Hughes Price Alvarez Castillo Sanders Patel Myers Long Ross Foster Jimenez Powell Jenkins
Perry Russell Sullivan Bell Coleman Butler Henderson Barnes Gonzales Fisher Vasquez Simmons Romero Jordan Patterson
Alexander Hamilton Graham Reynolds Griffin Wallace Moreno West Cole Hayes Bryant Herrera Gibson Ellis Tran Medina Aguilar
Stevens Murray Ford Castro Marshall Owens Harrison Fernandez McDonald Woods Washington Kennedy Wells Vargas Henry Chen
Freeman Webb Tucker Guzman Burns Crawford Olson Simpson Porter Hunter Gordon Mendez Silva Shaw Snyder Mason Dixon Muñoz
Hunt Hicks Holmes Palmer Wagner Black Robertson Boyd Rose Stone Salazar Fox Warren Mills Meyer Rice Schmidt Garza Müller
Dubois Lefèvre Høgh Weiß Nuñez Çelik`
  .split(/\s+/)
  .filter(Boolean);

// Surnames that no generated alias uses: "Maria Okonkwo" in the text runs the trie deep on "Maria " and then dies.
const OTHER_LAST =
  `Okonkwo Abernathy Quist Valdivia Ferraro Lindqvist Takahashi Novak Kowalski Papadopoulos Haddad Ivanova
Horvath Nakamura Brennan Oyelaran Sorensen Esposito Petrov Yilmaz`
    .split(/\s+/)
    .filter(Boolean);

/** `count` distinct, deterministic "First Last" names, none of them in the default aliases. */
export function generatedAliases(count, seed = 7) {
  const rand = prng(seed);
  const seen = new Set();
  const out = [];
  if (count > FIRST.length * LAST.length) throw new Error(`at most ${FIRST.length * LAST.length} generated aliases`);
  while (out.length < count) {
    const name = `${FIRST[Math.floor(rand() * FIRST.length)]} ${LAST[Math.floor(rand() * LAST.length)]}`;
    if (seen.has(name)) continue;
    seen.add(name);
    out.push(name);
  }
  return out;
}

/**
 * Ways the default aliases appear in real text. Each produces one mention for
 * our pipeline and for mark.js (acrossElements, limiters). `full` marks a full
 * name, which must come before bare surnames of the same person.
 */
const MENTIONS = [
  { w: 6, html: 'Apple Intelligence' },
  { w: 2, html: '<em>Apple</em> Intelligence' },
  { w: 2, html: 'd’Apple Intelligence' },
  { w: 6, html: 'Siri' },
  { w: 2, html: 'Siri’s' },
  { w: 2, html: "Siri's" },
  { w: 4, html: 'Craig Federighi', person: 'craig' },
  { w: 2, html: '<strong>Craig</strong> Federighi', person: 'craig' },
  { w: 1, html: '<a href="/people/craig-federighi">Craig Federighi</a>', person: 'craig' },
  { w: 3, html: 'Federighi', surname: 'craig' },
  { w: 3, html: 'Ruoming Pang', person: 'pang' },
  { w: 1, html: 'Ruoming <em>Pang</em>', person: 'pang' },
  { w: 2, html: 'Pang', surname: 'pang' },
];
const MENTION_WEIGHT = MENTIONS.reduce((s, m) => s + m.w, 0);

const TEXT_PER_MENTION_MIN = 2000;
const TEXT_PER_MENTION_MAX = 5000;

/**
 * Builds an HTML page holding about `textChars` characters of text (counted
 * as the text nodes' length under <body>). Returns the html, the real amount
 * of text, and how many mentions were written.
 */
export function syntheticPage(textChars, seed = 1) {
  const rand = prng(seed);
  const pick = (list) => list[Math.floor(rand() * list.length)];
  const between = (lo, hi) => lo + Math.floor(rand() * (hi - lo + 1));
  const parts = [];
  let text = 0;
  let mentions = 0;
  let nextMention = between(300, TEXT_PER_MENTION_MAX);
  const seenFull = new Set();

  const mention = () => {
    let r = rand() * MENTION_WEIGHT;
    let m = MENTIONS[0];
    for (const candidate of MENTIONS) {
      r -= candidate.w;
      if (r < 0) {
        m = candidate;
        break;
      }
    }
    // A bare surname counts only after the full name: write the full name first.
    if (m.surname && !seenFull.has(m.surname)) m = MENTIONS.find((x) => x.person === m.surname);
    if (m.person) seenFull.add(m.person);
    mentions++;
    nextMention = text + between(TEXT_PER_MENTION_MIN, TEXT_PER_MENTION_MAX);
    const visible = m.html.replace(/<[^>]+>/g, '');
    text += visible.length;
    return m.html;
  };

  const words = (n) => {
    const out = [];
    for (let i = 0; i < n; i++) {
      const x = rand();
      if (x < 0.025) out.push(pick(NEAR_MISSES));
      else if (x < 0.035) out.push(`${pick(FIRST)} ${pick(OTHER_LAST)}`);
      else if (x < 0.045) out.push(String(between(2, 2030)));
      else out.push(pick(WORDS));
    }
    return out;
  };

  /** One sentence, with inline markup now and then, and a mention when one is due. */
  const sentence = () => {
    const w = words(between(8, 24));
    w[0] = w[0].charAt(0).toUpperCase() + w[0].slice(1);
    let s = '';
    for (let i = 0; i < w.length; i++) {
      let piece = w[i];
      const x = rand();
      if (x < 0.03 && i + 2 < w.length) {
        piece = `<a href="/topic/${w[i].toLowerCase().replace(/[^a-z0-9]+/g, '-')}">${w[i]} ${w[i + 1]}</a>`;
        text += w[i + 1].length + 1;
        i++;
      } else if (x < 0.045) piece = `<em>${piece}</em>`;
      else if (x < 0.055) piece = `<strong>${piece}</strong>`;
      else if (x < 0.058) piece = `<code>${piece}</code>`;
      text += w[i].length + (i > 0 ? 1 : 0);
      s += (i > 0 ? (rand() < 0.06 ? ', ' : ' ') : '') + piece;
      if (text >= nextMention) {
        s += ` ${mention()}`;
        text += 1;
      }
    }
    text += 1;
    return `${s}.`;
  };

  const paragraph = () => {
    const n = between(2, 6);
    const out = [];
    for (let i = 0; i < n; i++) out.push(sentence());
    text += n - 1;
    return `<p>${out.join(' ')}</p>`;
  };

  const list = () => {
    const tag = rand() < 0.7 ? 'ul' : 'ol';
    const items = [];
    for (let i = 0, n = between(3, 8); i < n; i++) items.push(`<li>${sentence()}</li>`);
    return `<${tag} class="list">${items.join('')}</${tag}>`;
  };

  const table = () => {
    const cols = between(3, 5);
    const head = [];
    for (let c = 0; c < cols; c++) {
      const h = pick(WORDS);
      text += h.length;
      head.push(`<th scope="col">${h}</th>`);
    }
    const rows = [];
    for (let r = 0, n = between(4, 12); r < n; r++) {
      const cells = [];
      for (let c = 0; c < cols; c++) {
        let v = c === 0 ? words(between(1, 3)).join(' ') : rand() < 0.5 ? String(between(1, 99999)) : pick(WORDS);
        if (c === 0 && text >= nextMention) v = `${v} ${mention()}`;
        text += v.replace(/<[^>]+>/g, '').length;
        cells.push(c === 0 ? `<th scope="row">${v}</th>` : `<td>${v}</td>`);
      }
      rows.push(`<tr>${cells.join('')}</tr>`);
    }
    return `<table class="data"><caption>${sentence()}</caption><thead><tr>${head.join('')}</tr></thead><tbody>${rows.join('')}</tbody></table>`;
  };

  const heading = () => {
    const h = words(between(3, 8)).join(' ');
    text += h.length;
    // Headings in capitals now and then, as on many news sites; a mention in one must still match.
    if (rand() < 0.08 && text >= nextMention) {
      const m = mention();
      return `<h2>${m.replace(/(^|>)([^<]+)/g, (_, a, b) => a + b.toUpperCase())}: ${h}</h2>`;
    }
    return `<h2>${h.charAt(0).toUpperCase()}${h.slice(1)}</h2>`;
  };

  const nav = [];
  for (let i = 0; i < 12; i++) {
    const w = pick(WORDS);
    text += w.length;
    nav.push(`<li><a href="/section/${w}">${w}</a></li>`);
  }
  parts.push(
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Synthetic article</title>',
    '<style>body{font:16px/1.5 serif;max-width:60em;margin:auto}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:2px 6px}</style>',
    '</head><body><header class="site"><div class="wrap"><nav><ul class="menu">',
    nav.join(''),
    '</ul></nav></div></header><main><article><h1>Synthetic article for the benchmark</h1>',
  );

  while (text < textChars) {
    const blocks = [heading()];
    for (let i = 0, n = between(3, 8); i < n && text < textChars; i++) {
      const x = rand();
      if (x < 0.7) blocks.push(paragraph());
      else if (x < 0.82) blocks.push(list());
      else if (x < 0.9) blocks.push(table());
      else blocks.push(`<blockquote><p>${sentence()}</p></blockquote>`);
    }
    parts.push(`<section class="story"><div class="body">${blocks.join('\n')}</div></section>\n`);
  }
  parts.push('</article></main><footer><p>Generated for benchmarking.</p></footer></body></html>');
  return { html: parts.join(''), approxText: text, mentions };
}
