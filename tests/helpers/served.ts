import type { TabMention } from '@/lib/ext/messages';
import type { Served, SummaryData } from '@/lib/store/fact-store';
import { sampleBase } from './sample-base';

/** An answer as the fact store gives it: from IndexedDB and of the sample base's version unless said. */
export function served<T>(value: T, origin: Served<T>['origin'] = 'indexeddb', version = 'test-1'): Served<T> {
  return { value, origin, version };
}

/** The sample base's summary, served; a fresh copy each time, so a test may change it. */
export function servedSummary(origin: Served<SummaryData>['origin'] = 'indexeddb'): Served<SummaryData> {
  const base = sampleBase();
  return served({ source: base.source, summary: base.summary }, origin);
}

/** A page that mentions the sample base's first two entities, twice and three times. */
export function sampleMentions(): TabMention[] {
  return sampleBase()
    .entities.slice(0, 2)
    .map((e, i) => ({ entityId: e.id, name: e.name, count: i + 2 }));
}
