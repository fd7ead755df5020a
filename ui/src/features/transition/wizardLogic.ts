// Pure rules of the "Start a transition" wizard: which steps there are, where
// the person's reports go (as the moves the host takes), what blocks a step,
// and the before/after rows of the org impact.
import type { Assessment } from '../../lib/bindings/Assessment';
import type { Direction } from '../../lib/bindings/Direction';
import type { Metrics } from '../../lib/bindings/Metrics';
import type { Move } from '../../lib/bindings/Move';
import { formatFixed, formatInt } from '../../lib/format';

export type WizardStep = 'person' | 'reports' | 'confirm';

type Directed = { id: number; key: string; direction: Direction };

/**
 * The profile a move back starts on, after a checkpoint decided to go back:
 * a profile that moves to managing after a move to an IC role, an IC profile
 * (IC leader first) after a move to managing. `null` when there is none to
 * offer. Each profile says its direction; this only picks a default choice.
 */
export function profileForGoingBack(direction: Direction, profiles: Directed[]): number | null {
  const back = profiles.filter((p) => p.direction !== direction);
  return (back.find((p) => p.key === 'ic-leader') ?? back[0])?.id ?? null;
}

/** Which way a move into `profile` goes, as the profile says (none chosen yet: to an IC role). */
export function directionOf(profile: { direction: Direction } | null): Direction {
  return profile?.direction ?? 'to_ic';
}

/**
 * Moving to an IC role, the org-impact step only exists for someone with
 * human reports (they need new managers). Moving back to managing, it always
 * does: it asks who will report to them.
 */
export function wizardSteps(humanReports: number, direction: Direction = 'to_ic'): WizardStep[] {
  return humanReports > 0 || direction === 'to_manager' ? ['person', 'reports', 'confirm'] : ['person', 'confirm'];
}

export const STEP_LABELS: Record<WizardStep, string> = {
  person: 'Person and role',
  reports: 'Their reports',
  confirm: 'Confirm',
};

export function stepLabel(step: WizardStep, direction: Direction): string {
  return step === 'reports' && direction === 'to_manager' ? 'Who reports to them' : STEP_LABELS[step];
}

/** Back to managing: everyone chosen moves under the person, once each, never the person themselves. */
export function movesUnder(personId: number, chosen: Someone[]): Move[] {
  const seen = new Set<number>([personId]);
  const moves: Move[] = [];
  for (const c of chosen) {
    if (seen.has(c.id)) continue;
    seen.add(c.id);
    moves.push({ person_id: c.id, to_manager: personId });
  }
  return moves;
}

/** "Bo", "Bo and Cy", "Bo, Cy and Di", "Bo, Cy, Di and 4 more" (at most `max` names). */
export function nameList(names: string[], max = 3): string {
  if (names.length === 0) return '';
  if (names.length > max) return `${names.slice(0, max).join(', ')} and ${names.length - max} more`;
  if (names.length === 1) return names[0];
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

export interface Someone {
  id: number;
  name: string;
  /** What tells them apart from a namesake, as the host put it (shown after the name). */
  disambiguation?: string | null;
  /** Why the host offers them as a new manager ("Ada's manager", "a peer with room …"). */
  reason?: string;
}

/**
 * Where the reports go: `all` to one manager, `each` to a manager per report,
 * `keep` nowhere (they stay, e.g. when moving into a manager profile).
 */
export type ReportsMode = 'all' | 'each' | 'keep';

export interface ReportsChoice {
  mode: ReportsMode;
  /** The one manager for `all`. */
  allTo: Someone | null;
  /** For `all`: to the top of the org (no manager) instead of `allTo`. */
  allTop?: boolean;
  /**
   * Report id -> manager id for `each`, null for the top of the org; a report
   * missing here has no manager chosen yet.
   */
  eachTo: Record<number, number | null>;
}

/** The moves for the choice; null while someone still needs a manager. */
export function movesFor(reports: Someone[], choice: ReportsChoice): Move[] | null {
  if (choice.mode === 'keep') return [];
  if (choice.mode === 'all') {
    if (choice.allTop) return reports.map((r) => ({ person_id: r.id, to_manager: null }));
    const to = choice.allTo;
    if (!to) return null;
    return reports.map((r) => ({ person_id: r.id, to_manager: to.id }));
  }
  const moves: Move[] = [];
  for (const r of reports) {
    const to = choice.eachTo[r.id];
    if (to === undefined) return null;
    moves.push({ person_id: r.id, to_manager: to });
  }
  return moves;
}

/** What keeps the reports step from going on, in words; null when nothing does. */
export function reportsProblem(reports: Someone[], choice: ReportsChoice, personName: string): string | null {
  if (choice.mode === 'keep') return null;
  if (choice.mode === 'all') {
    if (!choice.allTo && !choice.allTop) return `Choose who ${personName}'s reports will report to.`;
    return null;
  }
  const missing = reports.filter((r) => choice.eachTo[r.id] === undefined);
  if (missing.length === 1) return `Choose a new manager for ${missing[0].name}.`;
  if (missing.length > 1) return `Choose a new manager for ${missing.length} more people.`;
  return null;
}

/** A manager for every report: what was chosen before, else the one chosen for all (or the top). */
export function eachFromAll(
  reports: Someone[],
  allTo: Someone | null,
  previous: Record<number, number | null>,
  allTop = false,
): Record<number, number | null> {
  const out: Record<number, number | null> = {};
  for (const r of reports) {
    const to = r.id in previous ? previous[r.id] : allTop ? null : allTo?.id;
    if (to !== undefined && to !== r.id) out[r.id] = to;
  }
  return out;
}

/** People offered in a report's select: the candidates, without the report themselves, once each. */
export function choicesFor(reportId: number, candidates: Someone[]): Someone[] {
  const seen = new Set<number>();
  return candidates.filter((c) => {
    if (c.id === reportId || seen.has(c.id)) return false;
    seen.add(c.id);
    return true;
  });
}

/** "12 people → Grace Hopper", per receiving manager, the biggest group first. */
export function destinations(moves: Move[], names: Map<number, string>): { id: number | null; name: string; count: number }[] {
  const counts = new Map<number | null, number>();
  for (const m of moves) counts.set(m.to_manager, (counts.get(m.to_manager) ?? 0) + 1);
  return [...counts.entries()]
    .map(([id, count]) => ({ id, count, name: id === null ? 'the top of the org' : (names.get(id) ?? `person ${id}`) }))
    .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
}

/** The plan is made from a self or manager assessment; peer and mentor ones do not count. */
export function hasPlanAssessment(assessments: Assessment[]): boolean {
  return assessments.some((a) => a.assessor_role === 'self' || a.assessor_role === 'manager');
}

export interface ImpactRow {
  key: 'headcount' | 'managers' | 'ics' | 'ratio' | 'layers' | 'span-mean';
  label: string;
  before: number | null;
  after: number | null;
  /** Decimals shown (and kept in data-value); 0 for counts. */
  digits: number;
}

export function impactRows(before: Metrics, after: Metrics): ImpactRow[] {
  return [
    { key: 'headcount', label: 'Headcount', before: before.headcount, after: after.headcount, digits: 0 },
    { key: 'managers', label: 'Managers', before: before.managers, after: after.managers, digits: 0 },
    { key: 'ics', label: 'ICs', before: before.ics, after: after.ics, digits: 0 },
    { key: 'ratio', label: 'IC : manager ratio', before: before.ic_to_manager_ratio, after: after.ic_to_manager_ratio, digits: 2 },
    { key: 'layers', label: 'Layers', before: before.layers, after: after.layers, digits: 0 },
    { key: 'span-mean', label: 'Mean span of control', before: before.span_mean, after: after.span_mean, digits: 2 },
  ];
}

export function formatMetric(value: number | null, digits: number): string {
  return digits === 0 ? formatInt(value) : formatFixed(value, digits);
}

/** "+1", "−0.25", "no change"; "" when either side has no value. */
export function formatDelta(before: number | null, after: number | null, digits: number): string {
  if (before === null || after === null) return '';
  const diff = Number((after - before).toFixed(digits));
  if (diff === 0) return 'no change';
  const text = digits === 0 ? formatInt(Math.abs(diff)) : Math.abs(diff).toFixed(digits);
  return `${diff > 0 ? '+' : '−'}${text}`;
}
