import type { PackLabel } from '@/lib/facts/query';
import type { PackRecord } from './fact-db';

/** How cards and lists name a pack. */
export const labelOf = (p: Pick<PackRecord, 'id' | 'name' | 'version'>): PackLabel => ({
  id: p.id,
  name: p.name,
  version: p.version,
});
