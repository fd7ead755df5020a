// An export written to a file the user names. A typed path may hold a file
// already, and the host refuses it with `file_exists` rather than losing the
// user's data silently; the answer is a question (ReplaceConfirm), not an
// error. The native save dialog has asked that question itself.
import * as api from './api';

export class FileWrite {
  busy = $state(false);
  error = $state<api.ApiError | null>(null);
  /** A typed path that exists already: asking whether to replace it. */
  replacing = $state<string | null>(null);

  /**
   * `writeTo` writes a typed path and resolves to the path written;
   * `ondone` follows every write that did not fail or get cancelled.
   */
  constructor(
    private readonly writeTo: (path: string, overwrite: boolean) => Promise<string>,
    private readonly ondone: (written: string) => void,
  ) {}

  /** Writes the typed path, trimmed; nothing while it is empty or a write is on. */
  writeTyped(path: string): void {
    const target = path.trim();
    if (!target || this.busy) return;
    void this.run(() => this.writeTo(target, false), target);
  }

  /**
   * `write` resolves to null when the user cancelled; `target`: the typed path
   * written, to ask about replacing it when it exists.
   */
  async run(write: () => Promise<string | null>, target: string | null = null): Promise<void> {
    this.busy = true;
    this.error = null;
    try {
      const written = await write();
      if (written) this.ondone(written);
    } catch (e) {
      const err = api.toApiError(e);
      if (err.kind === 'file_exists' && target !== null) this.replacing = target;
      else this.error = err;
    } finally {
      this.busy = false;
    }
  }

  replace(): void {
    const target = this.replacing;
    this.replacing = null;
    if (target !== null) void this.run(() => this.writeTo(target, true), target);
  }

  keep(): void {
    this.replacing = null;
  }
}
