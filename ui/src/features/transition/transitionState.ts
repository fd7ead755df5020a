// State of the Transition screen that outlives its components: the person,
// the plan shown, and whether the wizard is open (with what it was given).
import { writable } from 'svelte/store';

import { selectedPerson, workspaceSession } from '../../lib/stores';

/** The person whose plans are listed: the app's selected person, so that it
 * follows the user to and from the other screens. */
export const transitionPerson = selectedPerson;
/** The plan on the plan page; null = none picked. */
export const transitionPlanId = writable<number | null>(null);

// A plan shown belongs to its person: choosing someone else (here or on
// another screen) puts it away.
let planFor: number | null = null;
transitionPerson.subscribe((person) => {
  const id = person?.id ?? null;
  if (id !== planFor) {
    planFor = id;
    transitionPlanId.set(null);
  }
});
/** The "Start a transition" wizard replaces the plan view while open. */
export const wizardOpen = writable(false);

/** What the wizard was given, kept while the person goes to assess someone first. */
export interface WizardDraft {
  person: { id: number; name: string } | null;
  profileId: number | null;
  /** null: the shell's today. */
  startDate: string | null;
}
export const wizardDraft = writable<WizardDraft | null>(null);

export function openWizard(): void {
  wizardDraft.set(null);
  wizardOpen.set(true);
}

export function closeWizard(): void {
  wizardDraft.set(null);
  wizardOpen.set(false);
}

export function showPlan(person: { id: number; name: string }, planId: number): void {
  transitionPerson.set(person);
  transitionPlanId.set(planId);
  closeWizard();
}

export function resetTransitionState(): void {
  transitionPerson.set(null);
  transitionPlanId.set(null);
  wizardOpen.set(false);
  wizardDraft.set(null);
}

// Another workspace: nothing chosen in the old one applies.
let firstSession = true;
workspaceSession.subscribe(() => {
  if (firstSession) {
    firstSession = false;
    return;
  }
  resetTransitionState();
});
