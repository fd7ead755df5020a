// The import wizard's state. It lives at module level so that switching
// screens in the middle of an import loses nothing.
import * as api from '../../lib/api';
import type { Field } from '../../lib/bindings/Field';
import type { ImportOptions } from '../../lib/bindings/ImportOptions';
import type { ImportPreview } from '../../lib/bindings/ImportPreview';
import type { ImportProgress } from '../../lib/bindings/ImportProgress';
import type { ImportSummary } from '../../lib/bindings/ImportSummary';
import type { Problem } from '../../lib/bindings/Problem';
import { bumpRevision } from '../../lib/stores';
import { withColumnField } from './importLogic';

export type Step = 1 | 2 | 3 | 4 | 5;

export class ImportWizard {
  step = $state<Step>(1);
  path = $state<string | null>(null);
  preview = $state<ImportPreview | null>(null);
  /** null = the automatic mapping. */
  mapping = $state<(Field | null)[] | null>(null);
  removeMissing = $state(false);
  /** What the user typed to confirm a large removal (the number of people removed). */
  removalTyped = $state('');
  busy = $state(false);
  error = $state<api.ApiError | null>(null);
  /** Problems the host reported when the import itself was refused. */
  applyProblems = $state<Problem[] | null>(null);
  progress = $state<ImportProgress | null>(null);
  summary = $state<ImportSummary | null>(null);
  private seq = 0;
  /** The workspace the wizard was used with (undefined: not yet). */
  workspacePath: string | null | undefined = undefined;

  options(confirmRemoval = false): ImportOptions {
    return { mapping: this.mapping ? [...this.mapping] : null, remove_missing: this.removeMissing, confirm_removal: confirmRemoval };
  }

  /** Whether the host asked for a typed confirmation of the removal. */
  removalNeedsConfirmation(): boolean {
    return this.preview?.removal_needs_confirmation ?? false;
  }

  /** The typed number is exactly the number of people the preview removes. */
  removalConfirmed(): boolean {
    return this.preview !== null && this.removalTyped.trim() === String(this.preview.removes);
  }

  /** The problems to show on the check step. */
  problems(): Problem[] {
    return this.applyProblems ?? this.preview?.problems ?? [];
  }

  reset() {
    this.seq += 1;
    this.step = 1;
    this.path = null;
    this.preview = null;
    this.mapping = null;
    this.removeMissing = false;
    this.removalTyped = '';
    this.busy = false;
    this.error = null;
    this.applyProblems = null;
    this.progress = null;
    this.summary = null;
  }

  async pick() {
    this.error = null;
    try {
      const path = await api.importPickFile();
      if (path) await this.usePath(path);
    } catch (e) {
      this.error = api.toApiError(e);
    }
  }

  /** The file chosen in the open dialog, as the host gave it (not trimmed: a name may end in a space). */
  async usePath(path: string) {
    if (!path) return;
    this.path = path;
    this.mapping = null;
    this.removeMissing = false;
    this.preview = null;
    if (await this.refresh()) this.step = 2;
  }

  /** Previews with the current options. Returns whether it succeeded. */
  async refresh(): Promise<boolean> {
    if (!this.path) return false;
    const mine = ++this.seq;
    this.busy = true;
    this.error = null;
    this.applyProblems = null;
    try {
      const preview = await api.importPreview(this.path, this.options());
      if (mine !== this.seq) return false;
      this.preview = preview;
      // A confirmation typed for another preview does not carry over.
      this.removalTyped = '';
      return true;
    } catch (e) {
      if (mine !== this.seq) return false;
      this.error = api.toApiError(e);
      return false;
    } finally {
      if (mine === this.seq) this.busy = false;
    }
  }

  setColumnField(index: number, field: Field | null) {
    if (!this.preview) return;
    this.mapping = withColumnField(this.preview.columns, index, field);
    void this.refresh();
  }

  useAutomaticMapping() {
    this.mapping = null;
    void this.refresh();
  }

  setRemoveMissing(value: boolean) {
    this.removeMissing = value;
    void this.refresh();
  }

  async apply() {
    if (!this.path) return;
    const needsConfirmation = this.removalNeedsConfirmation();
    if (needsConfirmation && !this.removalConfirmed()) return;
    const options = this.options(needsConfirmation);
    this.step = 4;
    this.error = null;
    this.applyProblems = null;
    this.progress = { phase: 'reading', done: 0, total: 0 };
    const mine = ++this.seq;
    try {
      const summary = await api.importApply(this.path, options, (p) => {
        if (mine === this.seq) this.progress = p;
      });
      if (mine !== this.seq) return;
      this.summary = summary;
      this.progress = { phase: 'done', done: 1, total: 1 };
      this.step = 5;
      bumpRevision();
    } catch (e) {
      if (mine !== this.seq) return;
      const err = api.toApiError(e);
      this.step = 3;
      this.progress = null;
      if (err.kind === 'import_invalid' && err.problems) this.applyProblems = err.problems;
      this.error = err;
    }
  }
}

export const wizard = new ImportWizard();
