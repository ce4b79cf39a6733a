/**
 * Where each entity is referred to, and its place in the entity index: built once per
 * analysis (a pass over the references), so a question reads the references of the
 * entities it names instead of every reference of the corpus.
 *
 * Small: one array of reference positions per entity referred to (the references
 * themselves stay in the analysis), and the entity index's order.
 */
import type { Entity, EntityIndex } from '../index/entities.js';
import type { Reference } from '../analysis/references.js';

export interface EntityPostings {
  /** Entity id → the entity and its position in the entity index. */
  byId: Map<string, { entity: Entity; order: number }>;
  /** Entity id → positions of its references in `references`, ascending. */
  refs: Map<string, Int32Array>;
}

const memo = new WeakMap<Reference[], { entities: EntityIndex; postings: EntityPostings }>();

/** The postings of an analysis's entity index and references, built on first use. */
export function entityPostings(entities: EntityIndex, references: Reference[]): EntityPostings {
  const hit = memo.get(references);
  if (hit && hit.entities === entities) return hit.postings;
  const byId = new Map<string, { entity: Entity; order: number }>();
  entities.entities.forEach((entity, order) => {
    if (!byId.has(entity.id)) byId.set(entity.id, { entity, order });
  });
  const counts = new Map<string, number>();
  for (const r of references) counts.set(r.entity, (counts.get(r.entity) ?? 0) + 1);
  const refs = new Map<string, Int32Array>();
  const filled = new Map<string, number>();
  for (const [id, n] of counts) refs.set(id, new Int32Array(n));
  references.forEach((r, i) => {
    const k = filled.get(r.entity) ?? 0;
    refs.get(r.entity)![k] = i;
    filled.set(r.entity, k + 1);
  });
  const postings = { byId, refs };
  memo.set(references, { entities, postings });
  return postings;
}
