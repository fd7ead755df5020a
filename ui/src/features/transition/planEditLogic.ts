// Pure rules for changing a plan on its page: item drafts and what blocks
// saving them, the weekly budget form, the checkpoint decision, the gaps
// table (which closed since the plan was made), the SDLC audits offered, and
// the words for each.
import type { AuditSummary } from '../../lib/bindings/AuditSummary';
import type { CheckpointDecision } from '../../lib/bindings/CheckpointDecision';
import type { GapProgress } from '../../lib/bindings/GapProgress';
import type { GapStatus } from '../../lib/bindings/GapStatus';
import type { Plan } from '../../lib/bindings/Plan';
import type { PlanItem } from '../../lib/bindings/PlanItem';
import type { PlanItemEdit } from '../../lib/bindings/PlanItemEdit';
import type { StructureChange } from '../../lib/bindings/StructureChange';
import type { TimeKind } from '../../lib/bindings/TimeKind';
import type { WeeklyBudget } from '../../lib/bindings/WeeklyBudget';
import { formatDay, TIME_KINDS } from './planLogic';

// ---- items ----------------------------------------------------------------------

/**
 * The most an hours field can carry to the host (a whole number in a byte);
 * how many hours an item or a week may take is the core's (`planLimits`).
 */
const ITEM_HOURS_FIELD_MAX = 255;

/** An item being edited or added; hours are kept as typed. */
export interface ItemDraft {
  phase: number;
  title: string;
  done_when: string;
  note: string;
  due_date: string;
  hours: string;
  kind: TimeKind;
}

export function draftFromItem(item: PlanItem): ItemDraft {
  return {
    phase: item.phase,
    title: item.title,
    done_when: item.done_when,
    note: item.note,
    due_date: item.due_date,
    hours: String(item.hours_per_week),
    kind: item.kind,
  };
}

/** The last day of a phase (the due date of what is planned in it); "" when the plan has no such phase. */
export function phaseEnd(plan: Plan, phase: number): string {
  return plan.phases.find((p) => p.phase === phase)?.end_date ?? '';
}

/** A new item of the user's own in a phase: due when the phase ends, an hour a week of hands-on work. */
export function newItemDraft(plan: Plan, phase: number): ItemDraft {
  return { phase, title: '', done_when: '', note: '', due_date: phaseEnd(plan, phase), hours: '1', kind: 'hands_on' };
}

/** A whole number from lo to hi, or null. */
function wholeNumber(text: string, lo: number, hi: number): number | null {
  const t = text.trim();
  if (!/^\d+$/.test(t)) return null;
  const n = Number(t);
  return n >= lo && n <= hi ? n : null;
}

/** What keeps the draft from being saved, in words; empty when nothing does. */
export function itemDraftProblems(d: ItemDraft): string[] {
  const problems: string[] = [];
  if (!d.title.trim()) problems.push('Give the item a title.');
  // Only "given": whether it is a date is the core's to say, when it is saved.
  if (!d.due_date.trim()) problems.push('Enter a due date (YYYY-MM-DD).');
  if (wholeNumber(d.hours, 0, ITEM_HOURS_FIELD_MAX) === null) problems.push('Hours a week: a whole number.');
  if (![1, 2, 3].includes(d.phase)) problems.push('Choose a phase.');
  return problems;
}

/** What the host takes; call only when itemDraftProblems is empty. */
export function editFromDraft(d: ItemDraft): PlanItemEdit {
  return {
    phase: d.phase,
    title: d.title.trim(),
    done_when: d.done_when.trim(),
    note: d.note.trim(),
    due_date: d.due_date.trim(),
    hours_per_week: wholeNumber(d.hours, 0, ITEM_HOURS_FIELD_MAX) ?? 0,
    kind: d.kind,
  };
}

/** Where an item came from, as shown beside it; null for the checkpoint (it says so itself). */
export function itemSourceLabel(item: PlanItem): string | null {
  switch (item.source) {
    case 'gap':
      return item.level === null ? item.skill_name : `${item.skill_name} → ${item.level}`;
    case 'audit':
      return item.skill_name || 'SDLC audit';
    case 'own':
      return 'Own item';
    default:
      return null;
  }
}

// ---- weekly budget ------------------------------------------------------------

export type BudgetDraft = Record<TimeKind, string>;

export function budgetDraft(budget: WeeklyBudget): BudgetDraft {
  return {
    hands_on: String(budget.hands_on),
    agents: String(budget.agents),
    reviews: String(budget.reviews),
    mentoring: String(budget.mentoring),
    one_on_ones: String(budget.one_on_ones),
  };
}

export interface BudgetCheck {
  /** null while a field is not a whole number of hours. */
  budget: WeeklyBudget | null;
  /** Sum of the fields that are numbers. */
  total: number;
  /** One line per field that is not a whole number of hours. */
  problems: string[];
  /** The total is more than the core's limit (it also says so when saving). */
  over: boolean;
}

/** `weekMax`: the core's limit for a week (`planLimits`); null before it has answered. */
export function checkBudget(draft: BudgetDraft, weekMax: number | null): BudgetCheck {
  const budget: WeeklyBudget = { hands_on: 0, agents: 0, reviews: 0, mentoring: 0, one_on_ones: 0 };
  const problems: string[] = [];
  let total = 0;
  for (const { kind, label } of TIME_KINDS) {
    const n = wholeNumber(draft[kind], 0, ITEM_HOURS_FIELD_MAX);
    if (n === null) problems.push(`${label}: a whole number of hours.`);
    else {
      budget[kind] = n;
      total += n;
    }
  }
  return { budget: problems.length ? null : budget, total, problems, over: weekMax !== null && total > weekMax };
}

export function sameBudget(a: WeeklyBudget, b: WeeklyBudget): boolean {
  return TIME_KINDS.every(({ kind }) => a[kind] === b[kind]);
}

// ---- checkpoint ---------------------------------------------------------------

/** The decision choices, "not decided yet" last; `value` "" stands for no decision. */
export const DECISIONS: { value: CheckpointDecision | ''; label: string; help: string }[] = [
  { value: 'keep_going', label: 'Keep going', help: 'The new role fits: carry on, and set the next 90 days.' },
  { value: 'adjust', label: 'Adjust', help: 'Keep the direction, change the shape: the scope, the week, or the support.' },
  { value: 'go_back', label: 'Go back', help: 'Return to the previous role. That is a decision made with evidence, not a failure.' },
  { value: '', label: 'Not decided yet', help: 'Leave it open until the conversation has happened.' },
];

export function decisionLabel(decision: CheckpointDecision | null): string {
  return DECISIONS.find((d) => d.value === (decision ?? ''))?.label ?? 'Not decided yet';
}

// ---- gaps since the plan was made ------------------------------------------------

export interface StatusWords {
  label: string;
  /** Shown beside the words (never alone, never colour alone). */
  symbol: string;
  tone: 'good' | 'better' | 'same' | 'worse' | 'none';
}

export const GAP_STATUS: Record<GapStatus, StatusWords> = {
  closed: { label: 'Closed', symbol: '✔', tone: 'good' },
  met: { label: 'Met from the start', symbol: '✓', tone: 'good' },
  narrowed: { label: 'Narrowed', symbol: '↓', tone: 'better' },
  unchanged: { label: 'Unchanged', symbol: '=', tone: 'same' },
  widened: { label: 'Widened', symbol: '↑', tone: 'worse' },
  open: { label: 'Open (not rated at the start)', symbol: '○', tone: 'same' },
  unrated: { label: 'Not rated now', symbol: '?', tone: 'none' },
};

/** A skill that was below its target when the plan was made. */
export function wasGap(g: GapProgress): boolean {
  return g.at_start !== null && g.at_start < g.target;
}

/** Of the skills that were gaps at the start, how many are closed now. */
export function gapsClosed(gaps: GapProgress[]): { closed: number; of: number } {
  const start = gaps.filter(wasGap);
  return { closed: start.filter((g) => g.status === 'closed').length, of: start.length };
}

export function ratingText(rating: number | null): string {
  return rating === null ? '—' : String(rating);
}

// ---- structure change ----------------------------------------------------------

/** "3 people moved on 3 Aug 2026". */
export function structureSummary(change: StructureChange): string {
  const n = change.moves.length;
  return `${n} ${n === 1 ? 'person' : 'people'} moved on ${formatDay(change.made_on)}`;
}

// ---- SDLC audits -----------------------------------------------------------------

/** The person's audits first, then every other audit once (both lists newest first). */
export function auditChoices(mine: AuditSummary[], all: AuditSummary[]): { mine: AuditSummary[]; others: AuditSummary[] } {
  const ids = new Set(mine.map((a) => a.id));
  return { mine, others: all.filter((a) => !ids.has(a.id)) };
}

/** "Platform team · 3 Aug 2026 · worst: Code review". */
export function auditLabel(a: AuditSummary): string {
  return `${a.scope_name} · ${formatDay(a.taken_on)} · ${a.worst ? `worst: ${a.worst}` : 'no bottleneck'}`;
}

/** The toast after feeding an audit into a plan. */
export function auditFeedMessage(added: number, alreadyThere: number): string {
  if (added === 0 && alreadyThere === 0) return 'Nothing to add: no stage of this audit slows the work down enough to be a bottleneck.';
  return `Added ${added} ${added === 1 ? 'item' : 'items'} (${alreadyThere} already in the plan)`;
}
