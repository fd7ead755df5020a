// App-wide state shared by the feature screens.
import { get, writable } from 'svelte/store';

import * as api from './api';
import type { WorkspaceInfo } from './bindings/WorkspaceInfo';

export type Screen = 'people' | 'org' | 'dashboard' | 'skills' | 'transition' | 'audit' | 'import' | 'person';

/** `undefined` while the first `workspace_info` call runs; `null` when no workspace is open. */
export const workspace = writable<WorkspaceInfo | null | undefined>(undefined);

/** Error of the last workspace load, shown on the start screen. */
export const workspaceError = writable<api.ApiError | null>(null);

/** Bumped whenever a workspace is opened or created (even the same file again). */
export const workspaceSession = writable(0);

/** Why the last workspace could not be reopened at start; shown on the start screen. */
export const startError = writable<string | null>(null);

/** Bumped after every write; screens reload their data when it changes. */
export const revision = writable(0);

/** The screen shown in the main area. */
export const screen = writable<Screen>('people');

/** Someone named: enough to show them and ask the host about them. */
export type Someone = { id: number; name: string };

/**
 * The person the user is working on, who follows them between screens:
 * opening someone's page sets it, and the Skills, Transition and SDLC audit
 * screens start with them (choosing someone there sets it in turn).
 * null = nobody chosen yet.
 */
export const selectedPerson = writable<Someone | null>(null);

/** Shows a person's page (every name in the app leads here). */
export function openPersonPage(person: Someone): void {
  selectedPerson.set({ id: person.id, name: person.name });
  screen.set('person');
}

/** Scope of the dashboard: null = the whole org. */
export type Scope = { id: number; name: string } | null;
export const dashboardScope = writable<Scope>(null);

/** A request for the org chart to focus a person (seq makes repeats distinct). */
export const orgFocusRequest = writable<{ id: number; seq: number } | null>(null);

/** A request for the People screen to open the "add person" form. */
export const addPersonRequest = writable(0);

let focusSeq = 0;

/** Shows a person in the org chart: expands their chain and centres on them. */
export function focusInOrg(id: number): void {
  focusSeq += 1;
  orgFocusRequest.set({ id, seq: focusSeq });
  screen.set('org');
}

export function showSubtreeMetrics(id: number, name: string): void {
  dashboardScope.set({ id, name });
  screen.set('dashboard');
}

export function requestAddPerson(): void {
  screen.set('people');
  addPersonRequest.update((n) => n + 1);
}

/** Re-reads the open workspace (file name, people count). */
export async function refreshWorkspace(): Promise<void> {
  try {
    const info = await api.workspaceInfo();
    // At start, no workspace means the last one could not be reopened, or
    // there was none: ask why before the start screen shows.
    if (info === null && get(workspace) === undefined) {
      startError.set(await api.workspaceStartError().catch(() => null));
    }
    workspace.set(info);
    workspaceError.set(null);
  } catch (e) {
    workspaceError.set(api.toApiError(e));
    if (get(workspace) === undefined) workspace.set(null);
  }
}

/** Call after any write: screens reload, and the header count updates. */
export function bumpRevision(): void {
  revision.update((n) => n + 1);
  void refreshWorkspace();
}

/** Call after another workspace was opened or created. */
export function workspaceChanged(info: WorkspaceInfo): void {
  workspace.set(info);
  workspaceError.set(null);
  startError.set(null);
  workspaceSession.update((n) => n + 1);
  selectedPerson.set(null);
  dashboardScope.set(null);
  orgFocusRequest.set(null);
  revision.update((n) => n + 1);
}

// ---- toasts ----------------------------------------------------------------

export interface Toast {
  id: number;
  message: string;
  /** Optional action, e.g. Undo. */
  action?: { label: string; run: () => void | Promise<void>; testid?: string };
  testid?: string;
  tone?: 'info' | 'error';
}

export const toasts = writable<Toast[]>([]);
let toastSeq = 0;
const toastTimers = new Map<number, ReturnType<typeof setTimeout>>();

export function pushToast(toast: Omit<Toast, 'id'>, timeoutMs = 8000): number {
  toastSeq += 1;
  const id = toastSeq;
  toasts.update((list) => [...list.slice(-3), { ...toast, id }]);
  if (timeoutMs > 0) toastTimers.set(id, setTimeout(() => dismissToast(id), timeoutMs));
  return id;
}

export function dismissToast(id: number): void {
  const timer = toastTimers.get(id);
  if (timer) clearTimeout(timer);
  toastTimers.delete(id);
  toasts.update((list) => list.filter((t) => t.id !== id));
}
