// What the parts of the mock host share: undo records kept "in the workspace"
// (the window sends back only their id, as with the real host) and the files
// written by the typed-path exports, so that overwriting can be asked about.

type Fail = (kind: string, message: string) => never;

let workspacePath: string | null = null;
let undo = new Map<number, { kind: string; value: unknown; done: boolean }>();
let nextUndo = 1;
/** Files "on disk": they outlive a workspace switch, as real files do. */
const written = new Set<string>();

/** A workspace was opened or created: its undo records start empty. */
export function openedWorkspace(path: string): void {
  workspacePath = path;
  undo = new Map();
  nextUndo = 1;
}

/** Keeps what a deletion removed; the id goes to the window as `undo_id`. */
export function keepUndo(kind: string, value: unknown): number {
  const id = nextUndo++;
  undo.set(id, { kind, value, done: false });
  return id;
}

/** The record an undo id names: `not_found` when there is none of that kind, `conflict` when it was undone already. */
export function undoRecord<T>(kind: string, id: unknown, fail: Fail): T {
  const found = typeof id === 'number' ? undo.get(id) : undefined;
  if (!found || found.kind !== kind) return fail('not_found', `nothing to undo with id ${String(id)}`);
  if (found.done) return fail('conflict', 'this deletion has been undone already');
  return found.value as T;
}

/** An undo succeeded: its record is used up. */
export function markUndone(id: unknown): void {
  const found = typeof id === 'number' ? undo.get(id) : undefined;
  if (found) found.done = true;
}

/**
 * Writes to a typed path the way the host does: never onto the open workspace,
 * an existing file only with `overwrite`, and some paths fail like a real disk.
 */
export function mockWrite(path: string, overwrite: unknown, fail: Fail): string {
  if (path === workspacePath) fail('invalid_input', `${path} is the open workspace; choose another file`);
  if (!path.startsWith('/') || path.startsWith('/root/') || path.includes('/nope/')) fail('io', `cannot write ${path}: Permission denied (os error 13)`);
  if (written.has(path) && overwrite !== true) fail('file_exists', `${path} already exists`);
  written.add(path);
  return path;
}
