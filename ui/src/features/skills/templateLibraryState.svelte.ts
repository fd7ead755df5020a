// State of the practice-template library that outlives its components:
// switching skills, Skills tabs or screens in the middle of an edit keeps the
// unsaved items. Another workspace starts afresh.
import { workspaceSession } from '../../lib/stores';
import type { LevelDraft } from './templateLibrary';

export class TemplateLibraryState {
  /** Framework key shown; null = the default (the built-in). */
  frameworkKey = $state<string | null>(null);
  /** Skill shown; null = the first of the framework. */
  skillKey = $state<string | null>(null);
  filter = $state('');
  /** Unsaved edits, by `levelKey(skill, level)`. */
  drafts = $state<Record<string, LevelDraft>>({});
  /** Levels whose shipped items are shown beside the user's, by `levelKey`. */
  shippedShown = $state<Record<string, boolean>>({});

  reset(): void {
    this.frameworkKey = null;
    this.skillKey = null;
    this.filter = '';
    this.drafts = {};
    this.shippedShown = {};
  }
}

export const templateUi = new TemplateLibraryState();

let firstSession = true;
workspaceSession.subscribe(() => {
  if (firstSession) {
    firstSession = false;
    return;
  }
  templateUi.reset();
});
