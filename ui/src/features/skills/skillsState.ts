// State of the Skills screen that outlives its components (switching to
// another screen and back keeps the person, framework and tab).
import { writable } from 'svelte/store';

import { selectedPerson, workspaceSession } from '../../lib/stores';

export type SkillsView = 'person' | 'team' | 'frameworks' | 'templates';
export type PersonTab = 'assess' | 'compare' | 'gaps' | 'history';

export const skillsView = writable<SkillsView>('person');
/** The person of the person view: the app's selected person, so that it
 * follows the user to and from the other screens. */
export const skillsPerson = selectedPerson;
/** Framework key of the person view; null = the default (the built-in). */
export const skillsFrameworkKey = writable<string | null>(null);
export const personTab = writable<PersonTab>('assess');
/** Role profile of the Gaps tab (kept across people and visits, so a
 * person's page can open it on their target); null = the framework's default. */
export const gapsProfileId = writable<number | null>(null);
/** Assessments the Compare tab should open on (set after saving the second of a pair). */
export const compareRequest = writable<{ selfId: number; managerId: number } | null>(null);
/** Framework (version id) the Frameworks view shows; null = the list. */
export const frameworkShown = writable<number | null>(null);

/** What the team heatmap shows. */
export interface HeatmapChoice {
  kind: 'subtree' | 'team';
  person: { id: number; name: string } | null;
  teamId: number | null;
  /** null = the default framework. */
  frameworkKey: string | null;
  /** Role profile for targets; null = none. */
  profileId: number | null;
}
export const heatmapChoice = writable<HeatmapChoice>({ kind: 'subtree', person: null, teamId: null, frameworkKey: null, profileId: null });

export function resetSkillsState(): void {
  skillsPerson.set(null);
  skillsFrameworkKey.set(null);
  personTab.set('assess');
  gapsProfileId.set(null);
  compareRequest.set(null);
  frameworkShown.set(null);
  heatmapChoice.set({ kind: 'subtree', person: null, teamId: null, frameworkKey: null, profileId: null });
}

// Another workspace: nothing chosen in the old one applies.
let firstSession = true;
workspaceSession.subscribe(() => {
  if (firstSession) {
    firstSession = false;
    return;
  }
  resetSkillsState();
});
