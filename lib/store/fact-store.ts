import {
  type EntityCard,
  factsForEntity,
  type PackLabel,
  packCard,
  type SearchHit,
  searchFactBase,
  UnknownEntityError,
} from '@/lib/facts/query';
import type { Entity, Fact, FactBase, Source } from '@/lib/facts/schema';
import { type Catalog, CorruptRecordError, makeCatalog, PackSnapshots, readPackRecords } from './catalog';
import { type FactDb, openFactDb } from './fact-db';
import { labelOf } from './pack-label';
import { readCard, readSearch, storedFacts } from './pack-reads';
import { packRecord, seedBundled } from './pack-writes';

export { labelOf };

/** Where an answer came from: the IndexedDB store, or the bundled copy when the store failed. */
export type DataOrigin = 'indexeddb' | 'bundled';

export interface Served<T> {
  value: T;
  origin: DataOrigin;
  /** Version of the pack that answered (the first, when several did). */
  version: string;
}

/** One enabled pack's summary of its source. */
export interface PackSummary {
  pack: PackLabel;
  source: Source;
  summary: FactBase['summary'];
}

export interface SummaryData {
  /** The first enabled pack's (the bundled pack's when none is enabled). */
  source: FactBase['source'];
  summary: FactBase['summary'];
  /** Every enabled pack, in order. */
  packs?: PackSummary[];
}

const RETRY_AFTER_MS = 30_000;

export interface FactStoreOptions {
  open?: () => Promise<FactDb>;
  /** Where failures go; the store never throws them at its callers. */
  log?: (message: string, error: unknown) => void;
  /** Ids of the packs the user enabled (a setting); the bundled pack alone when not given. */
  enabled?: () => readonly string[] | Promise<readonly string[]>;
}

/**
 * The one way to read the fact packs. Serves the enabled packs from
 * IndexedDB, and falls back to the bundled pack in memory whenever the
 * database cannot be opened, read or trusted (blocked, quota, damaged
 * records, no IndexedDB at all): imported packs are then unavailable, and
 * the caller still gets an answer. The bundled pack, damaged, is re-seeded
 * in the background; an imported pack found damaged is left out until it is
 * imported again (`damaged`), and the others still answer from IndexedDB.
 */
export class FactStore {
  private dbPromise: Promise<FactDb | null> | null = null;
  private readonly open: () => Promise<FactDb>;
  private readonly log: (message: string, error: unknown) => void;
  private readonly enabledIds: () => readonly string[] | Promise<readonly string[]>;
  private readonly snapshots = new PackSnapshots();
  private cached: { key: string; catalog: Catalog } | null = null;
  private revision = 0;
  /** Imported packs whose stored records were found damaged. */
  readonly damaged = new Set<string>();

  constructor(
    readonly bundled: FactBase,
    readonly hash: string,
    options: FactStoreOptions = {},
  ) {
    this.log = options.log ?? ((m, e) => console.warn(`[context-lens] ${m}`, e));
    this.open = options.open ?? (() => openFactDb({ timeoutMs: 2000, onLost: () => this.forget() }));
    this.enabledIds = options.enabled ?? (() => [bundled.id]);
  }

  /** Opens and seeds the database if needed; resolves to whether IndexedDB is in use. */
  async ready(): Promise<boolean> {
    return (await this.connection()) !== null;
  }

  /** Drops the connection so the next read opens (and re-seeds) again. */
  forget(): void {
    const pending = this.dbPromise;
    this.dbPromise = null;
    this.changed();
    pending?.then((db) => db?.close()).catch(() => {});
  }

  /** What is stored changed (a pack imported or removed, a repair): what is kept in memory is read again. */
  changed(): void {
    this.revision++;
    this.cached = null;
    this.snapshots.clear();
  }

  /** The open database, or null when IndexedDB cannot be used now. */
  connection(): Promise<FactDb | null> {
    this.dbPromise ??= (async () => {
      try {
        const db = await this.open();
        try {
          if (await seedBundled(db, this.bundled, this.hash)) this.changed();
        } catch (error) {
          db.close();
          throw error;
        }
        return db;
      } catch (error) {
        this.log('IndexedDB unavailable, serving the bundled fact base', error);
        // Try again a little later: the cause (a blocking tab, a full disk) may pass,
        // and meanwhile every read answers at once from the bundle.
        setTimeout(() => this.forget(), RETRY_AFTER_MS);
        return null;
      }
    })();
    return this.dbPromise;
  }

  private async enabled(): Promise<string[]> {
    return [...(await this.enabledIds())];
  }

  /**
   * Answers from IndexedDB, or from the bundle when that fails. A damaged
   * imported pack is set aside and the read tried again without it.
   */
  private async serve<T>(
    fromDb: (db: FactDb, enabled: string[]) => Promise<{ value: T; version: string }>,
    fromBundle: (bundledOn: boolean) => T,
  ): Promise<Served<T>> {
    const enabled = await this.enabled();
    const db = await this.connection();
    for (let attempt = 0; db && attempt < 3; attempt++) {
      try {
        const { value, version } = await fromDb(db, enabled);
        return { value, origin: 'indexeddb', version };
      } catch (error) {
        if (error instanceof UnknownEntityError) throw error;
        const pack = error instanceof CorruptRecordError ? error.pack : undefined;
        if (pack && pack !== this.bundled.id) {
          this.log(`Stored pack ${pack} is damaged: left out until it is imported again`, error);
          this.damaged.add(pack);
          this.changed();
          continue;
        }
        this.log('IndexedDB read failed, serving the bundled fact base', error);
        if (error instanceof CorruptRecordError) this.repair(db);
        else this.forget();
        break;
      }
    }
    return {
      value: fromBundle(enabled.includes(this.bundled.id)),
      origin: 'bundled',
      version: this.bundled.version,
    };
  }

  private repair(db: FactDb): void {
    this.changed();
    seedBundled(db, this.bundled, this.hash, true).then(
      () => this.changed(),
      (error) => {
        this.log('Re-seeding the damaged database failed', error);
        this.forget();
      },
    );
  }

  private packRecords(db: FactDb, enabled: readonly string[]) {
    return readPackRecords(db, enabled, this.bundled.id, this.damaged);
  }

  private async catalogOf(db: FactDb, enabled: readonly string[]): Promise<Catalog> {
    const key = `${this.revision}|${enabled.join(',')}`;
    if (this.cached?.key === key) return this.cached.catalog;
    const packs = await this.packRecords(db, enabled);
    const entities = await Promise.all(packs.map((p) => this.snapshots.entitiesOf(db, p)));
    const catalog = makeCatalog(packs, entities, this.bundled.id);
    // A write while reading makes this answer stale: it is used, not kept.
    if (key === `${this.revision}|${enabled.join(',')}`) this.cached = { key, catalog };
    return catalog;
  }

  private bundledCatalog(on: boolean): Catalog {
    const record = packRecord(this.bundled, this.hash, 'bundled', 0);
    return on ? makeCatalog([record], [this.bundled.entities], this.bundled.id) : makeCatalog([], [], this.bundled.id);
  }

  /** The enabled packs' entities and the groups they form: what the matcher and the popup's lists are made of. */
  catalog(): Promise<Served<Catalog>> {
    return this.serve(
      async (db, enabled) => {
        const catalog = await this.catalogOf(db, enabled);
        return { value: catalog, version: catalog.packs[0]?.version ?? this.bundled.version };
      },
      (on) => this.bundledCatalog(on),
    );
  }

  summary(): Promise<Served<SummaryData>> {
    const fromPacks = (packs: readonly PackSummary[]): SummaryData => {
      const first = packs[0] ?? { source: this.bundled.source, summary: this.bundled.summary };
      return { source: first.source, summary: first.summary, packs: [...packs] };
    };
    return this.serve(
      async (db, enabled) => {
        const packs = await this.packRecords(db, enabled);
        const value = fromPacks(packs.map((p) => ({ pack: labelOf(p), source: p.source, summary: p.summary })));
        return { value, version: packs[0]?.version ?? this.bundled.version };
      },
      (on) =>
        fromPacks(
          on ? [{ pack: labelOf(this.bundled), source: this.bundled.source, summary: this.bundled.summary }] : [],
        ),
    );
  }

  /** The card of `ref`'s group: what every enabled pack that names the entity says, the lead's first. */
  card(ref: string): Promise<Served<EntityCard>> {
    return this.serve(
      async (db, enabled) => {
        const catalog = await this.catalogOf(db, enabled);
        const lead = catalog.groups.leadOf(ref);
        if (!lead) throw this.unknown(ref, enabled);
        const card = await readCard(db, catalog, lead);
        return { value: card, version: card.views?.[0]?.pack.version ?? this.bundled.version };
      },
      (on) => {
        if (!on || !this.bundled.entities.some((e) => e.id === ref)) throw new UnknownEntityError(ref);
        return packCard(this.bundled, ref);
      },
    );
  }

  /** The facts one pack gives of `ref` itself (not of its group), in reading order. */
  facts(ref: string): Promise<Served<Fact[]>> {
    return this.serve(
      async (db, enabled) => {
        const catalog = await this.catalogOf(db, enabled);
        const pack = catalog.packOf.get(ref);
        if (!pack) throw this.unknown(ref, enabled);
        const facts = await storedFacts(db, ref, pack);
        return { value: facts, version: catalog.packs.find((p) => p.id === pack)?.version ?? '' };
      },
      (on) => {
        if (!on || !this.bundled.entities.some((e) => e.id === ref)) throw new UnknownEntityError(ref);
        return factsForEntity(this.bundled.facts, ref);
      },
    );
  }

  /** Search over the enabled packs; an entity several packs name is found once, as its group's lead. */
  search(query: string): Promise<Served<SearchHit[]>> {
    return this.serve(
      async (db, enabled) => {
        const catalog = await this.catalogOf(db, enabled);
        const hits = await readSearch(db, catalog, this.snapshots, query);
        return { value: hits, version: catalog.packs[0]?.version ?? this.bundled.version };
      },
      (on) => (on ? searchFactBase(this.bundled, query) : []),
    );
  }

  /** Every entity of the enabled packs, in pack order. */
  async entities(): Promise<Served<Entity[]>> {
    const served = await this.catalog();
    return { ...served, value: served.value.entities.flatMap((p) => [...p.entities]) };
  }

  /** Size of the bundled pack, and where it is served from (the options page's Data section). */
  info(): Promise<Served<{ entities: number; facts: number }>> {
    return this.serve(
      async (db) => {
        const [entities, facts] = await Promise.all([
          db.countFromIndex('entities', 'by-pack', this.bundled.id),
          db.countFromIndex('facts', 'by-pack', this.bundled.id),
        ]);
        return { value: { entities, facts }, version: this.bundled.version };
      },
      () => ({ entities: this.bundled.entities.length, facts: this.bundled.facts.length }),
    );
  }

  /** Rewrites the bundled pack's records from the bundle (the options page's "rebuild"); other packs stay. */
  async rebuild(): Promise<Served<{ entities: number; facts: number }>> {
    const db = await this.connection();
    if (db) {
      try {
        await seedBundled(db, this.bundled, this.hash, true);
        this.changed();
      } catch (error) {
        this.log('Rebuilding the cache failed', error);
        this.forget();
      }
    }
    return this.info();
  }

  /** An unknown reference, unless it is the bundled pack's: the database then lost it. */
  private unknown(ref: string, enabled: readonly string[]): Error {
    if (enabled.includes(this.bundled.id) && this.bundled.entities.some((e) => e.id === ref))
      return new CorruptRecordError(`Entity ${ref} missing`, this.bundled.id);
    return new UnknownEntityError(ref);
  }
}
