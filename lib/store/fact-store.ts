import * as v from 'valibot';
import {
  buildCard,
  type EntityCard,
  factsForEntity,
  type SearchHit,
  searchFactBase,
  UnknownEntityError,
} from '@/lib/facts/query';
import {
  type Entity,
  EntitySchema,
  type Fact,
  type FactBase,
  FactSchema,
  FORMAT_VERSION,
  SourceSchema,
  SummarySchema,
} from '@/lib/facts/schema';
import { type FactDb, openFactDb, seedFactDb } from './fact-db';

/** Where an answer came from: the IndexedDB cache, or the bundled copy when the cache failed. */
export type DataOrigin = 'indexeddb' | 'bundled';

export interface Served<T> {
  value: T;
  origin: DataOrigin;
  /** Version of the fact base that answered. */
  version: string;
}

export interface SummaryData {
  source: FactBase['source'];
  summary: FactBase['summary'];
}

/** A record written for another format is not trusted, even if it happens to parse. */
const MetaShape = v.object({
  formatVersion: v.literal(FORMAT_VERSION),
  version: v.string(),
  source: SourceSchema,
  summary: SummarySchema,
  order: v.object({ entities: v.array(v.string()), facts: v.array(v.string()) }),
});
type StoredMeta = v.InferOutput<typeof MetaShape>;

/** Puts records back in the base's order (IndexedDB hands them out sorted by id). */
function inOrder<T extends { id: string }>(records: T[], order: readonly string[]): T[] {
  const rank = new Map(order.map((id, i) => [id, i]));
  const last = order.length;
  return records.sort((a, b) => (rank.get(a.id) ?? last) - (rank.get(b.id) ?? last));
}

const RETRY_AFTER_MS = 30_000;

/** A stored record did not have the shape the schema asks for. */
class CorruptRecordError extends Error {}

function checked<T>(schema: v.GenericSchema<unknown, T>, value: unknown, what: string): T {
  const result = v.safeParse(schema, value);
  if (!result.success) throw new CorruptRecordError(`Stored ${what} is damaged`);
  return result.output;
}

export interface FactStoreOptions {
  open?: () => Promise<FactDb>;
  /** Where failures go; the store never throws them at its callers. */
  log?: (message: string, error: unknown) => void;
}

/**
 * The one way to read the fact base. Serves from IndexedDB and falls back to
 * the bundled copy in memory whenever the database cannot be opened, read or
 * trusted (blocked, quota, damaged records, no IndexedDB at all). A damaged
 * database is re-seeded in the background; the caller still gets an answer.
 */
export class FactStore {
  private dbPromise: Promise<FactDb | null> | null = null;
  private readonly open: () => Promise<FactDb>;
  private readonly log: (message: string, error: unknown) => void;

  constructor(
    private readonly bundled: FactBase,
    private readonly hash: string,
    options: FactStoreOptions = {},
  ) {
    this.log = options.log ?? ((m, e) => console.warn(`[context-lens] ${m}`, e));
    this.open = options.open ?? (() => openFactDb({ timeoutMs: 2000, onLost: () => this.forget() }));
  }

  /** Opens and seeds the database if needed; resolves to whether IndexedDB is in use. */
  async ready(): Promise<boolean> {
    return (await this.connection()) !== null;
  }

  /** Drops the connection so the next read opens (and re-seeds) again. */
  forget(): void {
    const pending = this.dbPromise;
    this.dbPromise = null;
    pending?.then((db) => db?.close()).catch(() => {});
  }

  private connection(): Promise<FactDb | null> {
    this.dbPromise ??= (async () => {
      try {
        const db = await this.open();
        try {
          await seedFactDb(db, this.bundled, this.hash);
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

  private async serve<T>(
    fromDb: (db: FactDb, meta: StoredMeta) => Promise<T>,
    fromBundle: () => T,
  ): Promise<Served<T>> {
    const db = await this.connection();
    if (db) {
      try {
        const meta = checked(MetaShape, await db.get('meta', 'base'), 'metadata');
        return { value: await fromDb(db, meta), origin: 'indexeddb', version: meta.version };
      } catch (error) {
        if (error instanceof UnknownEntityError) throw error;
        this.log('IndexedDB read failed, serving the bundled fact base', error);
        if (error instanceof CorruptRecordError) this.repair(db);
        else this.forget();
      }
    }
    return { value: fromBundle(), origin: 'bundled', version: this.bundled.version };
  }

  private repair(db: FactDb): void {
    seedFactDb(db, this.bundled, this.hash, true).catch((error) => {
      this.log('Re-seeding the damaged database failed', error);
      this.forget();
    });
  }

  private bundledEntity(id: string): Entity {
    const entity = this.bundled.entities.find((e) => e.id === id);
    if (!entity) throw new UnknownEntityError(id);
    return entity;
  }

  private async storedEntity(db: FactDb, id: string): Promise<Entity> {
    const raw = await db.get('entities', id);
    if (raw === undefined) {
      // Missing from the cache but bundled means the cache lost it.
      if (this.bundled.entities.some((e) => e.id === id)) throw new CorruptRecordError(`Entity ${id} missing`);
      throw new UnknownEntityError(id);
    }
    return checked(EntitySchema, raw, `entity ${id}`);
  }

  private async storedFacts(db: FactDb, meta: StoredMeta, entityId: string): Promise<Fact[]> {
    const raw = await db.getAllFromIndex('facts', 'by-entity', entityId);
    const facts = raw.map((f) => checked(FactSchema, f, 'fact'));
    return factsForEntity(inOrder(facts, meta.order.facts), entityId);
  }

  private async storedAll(db: FactDb, meta: StoredMeta): Promise<{ entities: Entity[]; facts: Fact[] }> {
    const [entities, facts] = await Promise.all([db.getAll('entities'), db.getAll('facts')]);
    if (entities.length === 0) throw new CorruptRecordError('No entities stored');
    return {
      entities: inOrder(
        entities.map((e) => checked(EntitySchema, e, 'entity')),
        meta.order.entities,
      ),
      facts: inOrder(
        facts.map((f) => checked(FactSchema, f, 'fact')),
        meta.order.facts,
      ),
    };
  }

  summary(): Promise<Served<SummaryData>> {
    return this.serve(
      async (_db, meta) => ({ source: meta.source, summary: meta.summary }),
      () => ({ source: this.bundled.source, summary: this.bundled.summary }),
    );
  }

  card(entityId: string): Promise<Served<EntityCard>> {
    return this.serve(
      async (db, meta) => {
        const entity = await this.storedEntity(db, entityId);
        const [facts, all] = await Promise.all([this.storedFacts(db, meta, entityId), db.getAll('entities')]);
        return buildCard(
          entity,
          facts,
          all.map((e) => checked(EntitySchema, e, 'entity')),
        );
      },
      () => buildCard(this.bundledEntity(entityId), this.bundled.facts, this.bundled.entities),
    );
  }

  facts(entityId: string): Promise<Served<Fact[]>> {
    return this.serve(
      async (db, meta) => {
        await this.storedEntity(db, entityId);
        return this.storedFacts(db, meta, entityId);
      },
      () => factsForEntity(this.bundled.facts, this.bundledEntity(entityId).id),
    );
  }

  search(query: string): Promise<Served<SearchHit[]>> {
    return this.serve(
      async (db, meta) => searchFactBase(await this.storedAll(db, meta), query),
      () => searchFactBase(this.bundled, query),
    );
  }

  /** Size of the base being served. */
  info(): Promise<Served<{ entities: number; facts: number }>> {
    return this.serve(
      async (db) => {
        const [entities, facts] = await Promise.all([db.count('entities'), db.count('facts')]);
        return { entities, facts };
      },
      () => ({ entities: this.bundled.entities.length, facts: this.bundled.facts.length }),
    );
  }

  /** Rewrites the cache from the bundle (the options page's "rebuild"), then reports what is served. */
  async rebuild(): Promise<Served<{ entities: number; facts: number }>> {
    const db = await this.connection();
    if (db) {
      try {
        await seedFactDb(db, this.bundled, this.hash, true);
      } catch (error) {
        this.log('Rebuilding the cache failed', error);
        this.forget();
      }
    }
    return this.info();
  }

  entities(): Promise<Served<Entity[]>> {
    return this.serve(
      async (db, meta) => (await this.storedAll(db, meta)).entities,
      () => this.bundled.entities,
    );
  }
}
