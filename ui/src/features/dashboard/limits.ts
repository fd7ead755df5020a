/** Long lists show this many items until the user asks for all. */
export const LIST_LIMIT = 100;

export function firstN<T>(items: readonly T[], all: boolean, limit = LIST_LIMIT): readonly T[] {
  return all || items.length <= limit ? items : items.slice(0, limit);
}
