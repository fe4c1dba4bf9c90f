// The clients name their methods after the operation ids of the table: `edit` at the top level,
// `v3.edit` under `v3`. Both clients build that tree the same way, whatever their method type.

type SpaceOf<Id> = Id extends `${infer Space}.${string}` ? Space : never;

/** The methods whose id has no namespace (`generate`, `editImages`). */
type TopLevel<M> = { readonly [Id in keyof M as Id extends `${string}.${string}` ? never : Id]: M[Id] };

/** The methods under one namespace (`v3`), by the rest of their id (`replaceBackground`). */
type Space<M, S extends string> = {
  readonly [Id in keyof M as Id extends `${S}.${infer Name}` ? Name : never]: M[Id];
};

/** Methods keyed by operation id (`"v3.edit"`) as a client exposes them: `edit` at the top, `v3.edit` under `v3`. */
export type Namespaced<M> = TopLevel<M> & { readonly [S in SpaceOf<keyof M>]: Space<M, S> };

/** Nests methods keyed by operation id under their namespace: `{ "v3.edit": f }` becomes `{ v3: { edit: f } }`. */
export function namespaced<M extends Record<string, unknown>>(methods: M): Namespaced<M> {
  const tree: Record<string, unknown> = {};
  for (const id in methods) {
    const dot = id.indexOf(".");
    if (dot === -1) tree[id] = methods[id];
    else {
      const space = id.slice(0, dot);
      const members = (tree[space] ?? {}) as Record<string, unknown>;
      members[id.slice(dot + 1)] = methods[id];
      tree[space] = members;
    }
  }
  return tree as Namespaced<M>;
}
