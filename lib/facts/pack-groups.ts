import { aliasKey } from '@/lib/text/fold';
import type { AliasSpec } from './alias-spec';
import type { Category, Entity } from './schema';

/** One enabled pack's entities, ids already scoped (lib/facts/ids.ts), in the pack's order. */
export interface PackEntities {
  pack: string;
  /** Prefix of the pack's coreference groups in the matcher: '' for the bundled pack, `<pack>:` for the others. */
  scope: string;
  entities: readonly Entity[];
}

/**
 * Entities that several packs name by the same alias (the same text once
 * folded, as the matcher folds it), taken as one: one highlight, one card
 * with what each pack says. The group's lead, whose reference the page and
 * the popup use, is its first member in pack order (the bundled pack first,
 * then the others as they were installed). Two entities of one pack sharing
 * an alias stay apart (the pack's own business: the matcher takes the
 * first), unless a third pack's entity joins them.
 */
export class EntityGroups {
  private readonly lead = new Map<string, string>();
  private readonly members = new Map<string, string[]>();

  constructor(packs: readonly PackEntities[]) {
    const order = new Map<string, number>();
    const parent = new Map<string, string>();
    const find = (ref: string): string => {
      let root = ref;
      while (parent.get(root) !== root) root = parent.get(root) as string;
      // Path halving keeps later finds short.
      for (let at = ref; parent.get(at) !== root; ) {
        const next = parent.get(at) as string;
        parent.set(at, root);
        at = next;
      }
      return root;
    };
    const union = (a: string, b: string) => {
      const [ra, rb] = [find(a), find(b)];
      if (ra === rb) return;
      // The root is always the member that comes first: it leads.
      if ((order.get(ra) as number) < (order.get(rb) as number)) parent.set(rb, ra);
      else parent.set(ra, rb);
    };
    const owner = new Map<string, { ref: string; pack: string }>();
    for (const { pack, entities } of packs) {
      for (const entity of entities) {
        order.set(entity.id, order.size);
        parent.set(entity.id, entity.id);
        for (const alias of entity.aliases) {
          const key = aliasKey(alias.text);
          if (!key) continue;
          const first = owner.get(key);
          if (!first) owner.set(key, { ref: entity.id, pack });
          else if (first.pack !== pack) union(first.ref, entity.id);
        }
      }
    }
    for (const ref of order.keys()) {
      const root = find(ref);
      this.lead.set(ref, root);
      const list = this.members.get(root);
      if (list) list.push(ref);
      else this.members.set(root, [ref]);
    }
  }

  /** The lead of the group `ref` belongs to; undefined for a reference no enabled pack holds. */
  leadOf(ref: string): string | undefined {
    return this.lead.get(ref);
  }

  /** The group led by `lead`, in pack order (the lead first); empty for a reference that leads nothing. */
  membersOf(lead: string): readonly string[] {
    return this.members.get(lead) ?? [];
  }

  /** Whether `ref` leads its group (every entity of a single pack does). */
  isLead(ref: string): boolean {
    return this.lead.get(ref) === ref;
  }
}

/**
 * The aliases the page matches, over every enabled pack: those of entities
 * in the chosen categories, groups with a muted member left out, each alias
 * naming its group's lead. An alias another pack of the same group already
 * gave (same folded text, same way of matching) is dropped: it could only
 * find the same words again. Coreference groups are scoped by pack, and the
 * group of a dropped full name is read as the group of the one kept, so that
 * a bare surname of the second pack still follows the full name found.
 */
export function packAliasSpecs(
  packs: readonly PackEntities[],
  groups: EntityGroups,
  categories: readonly Category[],
  muted: ReadonlySet<string>,
): AliasSpec[] {
  const wanted = new Set(categories);
  const mutedLeads = new Set<string>();
  for (const ref of muted) {
    const lead = groups.leadOf(ref);
    if (lead) mutedLeads.add(lead);
  }
  const kept = new Map<string, AliasSpec>();
  const renamed = new Map<string, string>();
  const out: AliasSpec[] = [];
  for (const { scope, entities } of packs) {
    for (const entity of entities) {
      const lead = groups.leadOf(entity.id) ?? entity.id;
      if (!wanted.has(entity.category) || mutedLeads.has(lead)) continue;
      for (const alias of entity.aliases) {
        const group = alias.context?.group === undefined ? undefined : `${scope}${alias.context.group}`;
        const spec: AliasSpec = {
          ...alias,
          ...(alias.context ? { context: { ...alias.context, ...(group ? { group } : {}) } } : {}),
          entityId: lead,
          category: entity.category,
        };
        const key = `${lead}\u0000${alias.match}\u0000${aliasKey(alias.text)}`;
        const before = kept.get(key);
        if (before) {
          const keptGroup = before.context?.group;
          if (group && keptGroup && group !== keptGroup && !renamed.has(group)) renamed.set(group, keptGroup);
          continue;
        }
        kept.set(key, spec);
        out.push(spec);
      }
    }
  }
  if (renamed.size === 0) return out;
  return out.map((spec) => {
    const to = spec.context?.group && renamed.get(spec.context.group);
    return to ? { ...spec, context: { ...spec.context, group: to } } : spec;
  });
}
