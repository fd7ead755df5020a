// Pure reading of a transition plan for the plan page: the weekly budget as
// parts of a bar, items per phase, progress per skill, the day-90 checkpoint.
import type { Plan } from '../../lib/bindings/Plan';
import type { PlanItem } from '../../lib/bindings/PlanItem';
import type { TimeKind } from '../../lib/bindings/TimeKind';
import type { WeeklyBudget } from '../../lib/bindings/WeeklyBudget';

/** Budget order and words, as the Markdown export names them. */
export const TIME_KINDS: { kind: TimeKind; label: string }[] = [
  { kind: 'hands_on', label: 'Hands-on work' },
  { kind: 'agents', label: 'Supervising AI agents' },
  { kind: 'reviews', label: 'Reviews' },
  { kind: 'mentoring', label: 'Mentoring' },
  { kind: 'one_on_ones', label: 'Remaining 1:1s' },
];

export function timeKindLabel(kind: TimeKind): string {
  return TIME_KINDS.find((k) => k.kind === kind)?.label ?? kind;
}

export interface BudgetPart {
  kind: TimeKind;
  label: string;
  hours: number;
  /** Share of the week's planned hours, 0–100. */
  percent: number;
}

export function budgetParts(budget: WeeklyBudget): { parts: BudgetPart[]; total: number } {
  const total = TIME_KINDS.reduce((sum, k) => sum + budget[k.kind], 0);
  const parts = TIME_KINDS.map((k) => ({
    kind: k.kind,
    label: k.label,
    hours: budget[k.kind],
    percent: total > 0 ? (budget[k.kind] / total) * 100 : 0,
  }));
  return { parts, total };
}

/** Whole percent of done out of total; 0 for an empty total. */
export function percent(done: number, total: number): number {
  return total > 0 ? Math.round((done / total) * 100) : 0;
}

/** The day-90 checkpoint closes every plan (the host marks it by its source). */
export function isCheckpoint(item: PlanItem): boolean {
  return item.source === 'checkpoint';
}

export function itemsOfPhase(plan: Plan, phase: number): PlanItem[] {
  return plan.items.filter((i) => i.phase === phase);
}

export interface SkillProgress {
  key: string;
  name: string;
  /** Highest level the skill's items build toward. */
  level: number | null;
  done: number;
  total: number;
}

/**
 * Done/total per skill, in the plan's order (biggest gaps first). Only items
 * made from a skill gap count: the checkpoint, audit bottlenecks and the
 * user's own items build no skill.
 */
export function skillProgress(items: PlanItem[]): SkillProgress[] {
  const bySkill = new Map<string, SkillProgress>();
  for (const item of items) {
    if (item.source !== 'gap') continue;
    const row = bySkill.get(item.skill_key) ?? { key: item.skill_key, name: item.skill_name, level: null, done: 0, total: 0 };
    row.total += 1;
    if (item.done_on !== null) row.done += 1;
    if (item.level !== null && (row.level === null || item.level > row.level)) row.level = item.level;
    bySkill.set(item.skill_key, row);
  }
  return [...bySkill.values()];
}

export function planTotals(plan: Plan): { done: number; total: number; overdue: number } {
  return {
    done: plan.items.filter((i) => i.done_on !== null).length,
    total: plan.items.length,
    overdue: plan.items.filter((i) => i.overdue).length,
  };
}

const dayFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric' });

/** "2026-08-03" -> "3 Aug 2026" (read as a local calendar day); other text is returned as is. */
export function formatDay(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  return dayFormat.format(new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
}

/** "manager of 6" -> "Manager of 6"; "ic leader" and "ic_leader" -> "IC leader". */
export function roleWords(fromRole: string): string {
  const text = fromRole.trim().replace(/_/g, ' ').replace(/\bic\b/gi, 'IC');
  return text ? text[0].toUpperCase() + text.slice(1) : 'No role';
}
