// The transition half of the mock host (`npm run dev:mock`): reorg preview and
// undo, and 30/60/90-day plans generated from gaps with the practice templates
// the core ships — both ways (to an IC role, and back to managing) — with item
// editing, the weekly budget, the checkpoint decision, gap progress since the
// plan was made and bottlenecks fed from SDLC audits, following leadline-core's
// rules closely enough to look at the screens.
import { isManagerProfile } from '../features/transition/wizardLogic';
import { templateItems } from './mockTemplates';
import { markUndone, keepUndo, mockWrite, undoRecord } from './mockShared';
import type { AuditFeed } from '../lib/bindings/AuditFeed';
import type { CheckpointDecision } from '../lib/bindings/CheckpointDecision';
import type { DeletedPlan } from '../lib/bindings/DeletedPlan';
import type { DeletedPlanItem } from '../lib/bindings/DeletedPlanItem';
import type { Direction } from '../lib/bindings/Direction';
import type { GapProgress } from '../lib/bindings/GapProgress';
import type { GapReport } from '../lib/bindings/GapReport';
import type { GapStatus } from '../lib/bindings/GapStatus';
import type { ImpactPreview } from '../lib/bindings/ImpactPreview';
import type { Metrics } from '../lib/bindings/Metrics';
import type { Move } from '../lib/bindings/Move';
import type { Plan } from '../lib/bindings/Plan';
import type { PlanInput } from '../lib/bindings/PlanInput';
import type { PlanItem } from '../lib/bindings/PlanItem';
import type { PlanItemEdit } from '../lib/bindings/PlanItemEdit';
import type { RecordedMove } from '../lib/bindings/RecordedMove';
import type { Stage } from '../lib/bindings/Stage';
import type { StructureChange } from '../lib/bindings/StructureChange';
import type { TimeKind } from '../lib/bindings/TimeKind';
import type { WeeklyBudget } from '../lib/bindings/WeeklyBudget';

type Args = Record<string, unknown>;

export interface TransitionHost {
  name(id: number): string | null;
  /** Declared role track and human direct reports. */
  role(id: number): { role: string | null; reports: number };
  managerOf(id: number): number | null;
  /** Human direct reports. */
  span(id: number): number;
  metrics(): Metrics;
  /** Moves one person, refusing unknown people and cycles. */
  setManager(id: number, to: number | null): void;
  /** Fails with not_found when there is no such profile. */
  gaps(personId: number, profileId: number): GapReport;
  today(): string;
  fail(kind: string, message: string): never;
}

const NOT_HANDLED = Symbol('not handled');

const PHASES: Record<Direction, [string, string][]> = {
  to_ic: [
    ['Days 1–30: learn the work again', 'Close the biggest gaps first and get hands-on with the team\'s code, tools and agents.'],
    ['Days 31–60: lead through the work', 'Take on the next level of each skill, delegate to people and agents, and review their output.'],
    ['Days 61–90: own outcomes, then decide', 'Own a result end to end, then use the checkpoint to keep going, adjust, or go back.'],
  ],
  to_manager: [
    ['Days 1–30: get to know the people', 'Hold a first 1:1 with everyone, learn what each person needs, and keep one piece of hands-on work to stay close to the code.'],
    ['Days 31–60: set the rhythm', 'Set up the team\'s routines, hand over the work you used to do yourself, and give a first round of feedback.'],
    ['Days 61–90: lead through others, then decide', 'Let the team own a result end to end, then use the checkpoint to keep going, adjust, or go back.'],
  ],
};
const CHECKPOINT_TITLE = 'Day-90 checkpoint: keep going, adjust, or go back';
const CHECKPOINT_QUESTIONS: Record<Direction, string> = {
  to_ic:
    'Do I have more energy at the end of a week than I did as a manager? ' +
    'Which work of the last month am I proudest of, and was it hands-on, through agents, or through people? ' +
    'Which gaps closed, and which did not move? What would I need to change to stay, and is that change possible here? ' +
    'Would going back to managing be a step toward something, or away from something?',
  to_manager:
    'Do I have more energy at the end of a week than I did as an IC? ' +
    'Which result of the last month am I proudest of, and did it happen through the people I lead? ' +
    'Which gaps closed, and which did not move? Do the people I manage get what they need from me, and how do I know? ' +
    'Would going back to IC work be a step toward something, or away from something?',
};
const BUDGETS: Record<Direction, WeeklyBudget> = {
  to_ic: { hands_on: 14, agents: 10, reviews: 8, mentoring: 5, one_on_ones: 3 },
  to_manager: { hands_on: 6, agents: 4, reviews: 6, mentoring: 8, one_on_ones: 12 },
};
const BUDGET_MAX = 80;
const ITEM_HOURS_MAX = 40;
const DECISIONS: Record<CheckpointDecision, string> = { keep_going: 'Keep going', adjust: 'Adjust', go_back: 'Go back' };
const STATUS_WORDS: Record<GapStatus, string> = {
  met: 'met',
  closed: 'closed',
  narrowed: 'narrowed',
  unchanged: 'unchanged',
  widened: 'widened',
  open: 'open',
  unrated: 'not rated',
};

type StoredItem = Omit<PlanItem, 'overdue'> & { position: number };
interface Baseline {
  skill_key: string;
  skill_name: string;
  target: number;
  rating: number | null;
}
interface StoredPlan {
  id: number;
  person_id: number;
  from_role: string;
  profile_id: number;
  profile_name: string;
  direction: Direction;
  start_date: string;
  structure_change_id: number | null;
  budget: WeeklyBudget;
  checkpoint_decision: CheckpointDecision | null;
  checkpoint_note: string;
  created_on: string;
  baseline_on: string | null;
  baseline: Baseline[];
  items: StoredItem[];
}

/** A bottleneck an audit feeds into a plan (what leadline-core's `bottleneck_actions` gives). */
export interface AuditAction {
  stage: Stage;
  /** "Code review". */
  label: string;
  title: string;
  done_when: string;
  kind: TimeKind;
  hours_per_week: number;
  phase: number;
}
/** The worst bottlenecks of an audit; null when there is no such audit. */
export type AuditActionSource = (auditId: number) => AuditAction[] | null;

let plans: StoredPlan[] = [];
let changes: StructureChange[] = [];
let nextId = 1;
let auditActions: AuditActionSource | null = null;

export function resetTransition(): void {
  plans = [];
  changes = [];
  nextId = 1;
}

/**
 * Lets the audit half of the mock host say what an audit's bottlenecks are.
 * Until it does, feeding an audit into a plan adds nothing.
 */
export function setAuditActionSource(source: AuditActionSource | null): void {
  auditActions = source;
}

export function hasPlan(personId: number): boolean {
  return plans.some((p) => p.person_id === personId);
}

export function addDays(iso: string, days: number): string {
  const [y, m, d] = iso.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

function isDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  return !!m && addDays(text, 0) === text;
}

/** Applies the moves, runs `read`, and puts everyone back, whatever happens. */
function withMoves<T>(host: TransitionHost, moves: Move[], read: () => T): T {
  const undo: [number, number | null][] = [];
  try {
    for (const m of moves) {
      const from = host.managerOf(m.person_id);
      host.setManager(m.person_id, m.to_manager);
      undo.push([m.person_id, from]);
    }
    return read();
  } finally {
    for (const [id, from] of undo.reverse()) host.setManager(id, from);
  }
}

function preview(host: TransitionHost, moves: Move[]): ImpactPreview {
  const before = host.metrics();
  const targets = [...new Set(moves.flatMap((m) => (m.to_manager === null ? [] : [m.to_manager])))];
  const spansBefore = targets.map((t) => host.span(t));
  const { after, spansAfter } = withMoves(host, moves, () => ({ after: host.metrics(), spansAfter: targets.map((t) => host.span(t)) }));
  const wide = before.thresholds.wide_span_min;
  const receiving = targets.map((id, i) => ({
    id,
    name: host.name(id) ?? String(id),
    span_before: spansBefore[i],
    span_after: spansAfter[i],
    becomes_wide: spansAfter[i] >= wide && spansBefore[i] < wide,
  }));
  const new_flags = receiving.filter((r) => r.becomes_wide).map((r) => `${r.name}'s span becomes wide (${r.span_after} ≥ ${wide})`);
  for (const f of after.flags.single_report) {
    if (!before.flags.single_report.some((b) => b.id === f.id)) new_flags.push(`${f.name} will have a single report`);
  }
  if (after.layers > before.layers) new_flags.push(`the org gets deeper: ${after.layers} layers instead of ${before.layers}`);
  return { before, after, receiving, new_flags };
}

function fromRole(host: TransitionHost, personId: number): string {
  const { role, reports } = host.role(personId);
  if (reports > 0) return `manager of ${reports}`;
  return role ? role.replace('_', ' ') : 'ic';
}

function checklist(report: GapReport) {
  const items: Omit<StoredItem, 'id' | 'due_date' | 'done_on' | 'note' | 'position'>[] = [];
  report.gaps.forEach((gap, rank) => {
    if (gap.current === null || gap.target === null || gap.current >= gap.target) return;
    const start = gap.target - gap.current >= 2 || rank < 3 || gap.interest === 2 ? 1 : 2;
    for (let level = gap.current + 1, step = 0; level <= gap.target; level += 1, step += 1) {
      // The library as edited in the mock (mockTemplates), like the app's effective templates.
      for (const t of templateItems(gap.skill_key, level)) {
        items.push({
          phase: Math.min(3, start + step),
          skill_key: gap.skill_key,
          skill_name: gap.skill_name,
          level,
          title: t.title,
          done_when: t.done_when,
          kind: t.kind,
          hours_per_week: t.hours_per_week,
          source: 'gap',
          stage: null,
          audit_id: null,
        });
      }
    }
  });
  // Stable: within a phase, the biggest gaps stay first.
  return items.map((item, i) => ({ item, i })).sort((a, b) => a.item.phase - b.item.phase || a.i - b.i).map((x) => x.item);
}

function create(host: TransitionHost, input: PlanInput): Plan {
  if (!isDate(input.start_date)) host.fail('invalid_input', `"${input.start_date}" is not a date (YYYY-MM-DD)`);
  const name = host.name(input.person_id) ?? host.fail('not_found', `no person with id ${input.person_id}`);
  const report = host.gaps(input.person_id, input.profile_id);
  const profile = report.profile;
  if (report.self_assessed_on === null && report.manager_assessed_on === null) {
    host.fail(
      'invalid_input',
      `${name} has no assessment on ${report.framework_name} yet: do a self or manager assessment first, so the checklist comes from real gaps`,
    );
  }
  if (input.moves.length) withMoves(host, input.moves, () => null); // refuses cycles before anything changes
  const direction: Direction = input.direction ?? (isManagerProfile(profile) ? 'to_manager' : 'to_ic');
  const from = fromRole(host, input.person_id);
  const today = host.today();
  let changeId: number | null = null;
  if (input.moves.length) {
    const moves: RecordedMove[] = input.moves.map((m) => {
      const recorded = { person_id: m.person_id, from: host.managerOf(m.person_id), to: m.to_manager };
      host.setManager(m.person_id, m.to_manager);
      return recorded;
    });
    changeId = nextId++;
    const description =
      direction === 'to_manager' ? `${name} moves to ${profile.name}: people come to report to them` : `${name} moves to ${profile.name}: their reports get new managers`;
    changes.push({ id: changeId, description, made_on: today, moves, undone: false });
  }
  const checkpoint = {
    phase: 3,
    skill_key: '',
    skill_name: '',
    level: null,
    title: CHECKPOINT_TITLE,
    done_when: CHECKPOINT_QUESTIONS[direction],
    kind: 'one_on_ones' as const,
    hours_per_week: 1,
    source: 'checkpoint' as const,
    stage: null,
    audit_id: null,
  };
  const items: StoredItem[] = [...checklist(report), checkpoint].map((i, position) => ({
    ...i,
    id: nextId++,
    position,
    due_date: addDays(input.start_date, 30 * i.phase),
    done_on: null,
    note: '',
  }));
  const plan: StoredPlan = {
    id: nextId++,
    person_id: input.person_id,
    from_role: from,
    profile_id: input.profile_id,
    profile_name: profile.name,
    direction,
    start_date: input.start_date,
    structure_change_id: changeId,
    budget: { ...BUDGETS[direction] },
    checkpoint_decision: null,
    checkpoint_note: '',
    created_on: today,
    baseline_on: assessedOn(report),
    baseline: report.skills.flatMap((r) => (r.target === null ? [] : [{ skill_key: r.skill_key, skill_name: r.skill_name, target: r.target, rating: r.current }])),
    items,
  };
  plans.push(plan);
  return read(host, plan.id);
}

function stored(host: TransitionHost, id: number): StoredPlan {
  return plans.find((p) => p.id === id) ?? host.fail('not_found', `no transition plan with id ${id}`);
}

/** The date the gaps were measured at: the later of the manager and self assessments. */
function assessedOn(report: GapReport): string | null {
  const dates = [report.manager_assessed_on, report.self_assessed_on].filter((d): d is string => d !== null).sort();
  return dates.length ? dates[dates.length - 1] : null;
}

/** leadline-core's `GapStatus::of`. */
export function gapStatus(target: number, atStart: number | null, now: number | null): GapStatus {
  const gap = (rating: number) => Math.max(0, target - rating);
  if (now === null) return 'unrated';
  const g = gap(now);
  if (atStart === null) return g === 0 ? 'met' : 'open';
  const s = gap(atStart);
  if (g === 0) return s === 0 ? 'met' : 'closed';
  if (g < s) return 'narrowed';
  return g === s ? 'unchanged' : 'widened';
}

function questions(text: string): string[] {
  return (text.match(/[^?]+\?|[^?]+$/g) ?? []).map((q) => q.trim()).filter(Boolean);
}

function read(host: TransitionHost, id: number): Plan {
  const p = stored(host, id);
  const today = host.today();
  const items = [...p.items]
    .sort((a, b) => a.phase - b.phase || a.position - b.position)
    .map(({ position: _position, ...i }) => ({ ...i, overdue: i.done_on === null && i.due_date < today }));
  // The gaps now, when the profile still exists.
  let now: GapReport | null = null;
  try {
    now = host.gaps(p.person_id, p.profile_id);
  } catch {
    now = null;
  }
  const latest = now ? assessedOn(now) : null;
  const change = p.structure_change_id === null ? null : (changes.find((c) => c.id === p.structure_change_id) ?? null);
  const gaps: GapProgress[] = p.baseline.map((b) => {
    const current = now?.skills.find((r) => r.skill_key === b.skill_key)?.current ?? null;
    return { skill_key: b.skill_key, skill_name: b.skill_name, target: b.target, at_start: b.rating, now: current, status: gapStatus(b.target, b.rating, current) };
  });
  return {
    id: p.id,
    person_id: p.person_id,
    person_name: host.name(p.person_id) ?? '',
    from_role: p.from_role,
    profile_name: p.profile_name,
    profile_id: p.profile_id,
    direction: p.direction,
    start_date: p.start_date,
    structure_change_id: p.structure_change_id,
    structure_change: change ? { ...change, moves: [...change.moves] } : null,
    budget: { ...p.budget },
    checkpoint_decision: p.checkpoint_decision,
    checkpoint_note: p.checkpoint_note,
    checkpoint_questions: questions(CHECKPOINT_QUESTIONS[p.direction]),
    created_on: p.created_on,
    phases: PHASES[p.direction].map(([title, goal], i) => {
      const of = items.filter((item) => item.phase === i + 1);
      return { phase: i + 1, title, goal, end_date: addDays(p.start_date, 30 * (i + 1)), done: of.filter((x) => x.done_on !== null).length, total: of.length };
    }),
    items,
    baseline_on: p.baseline_on,
    reassessed_on: latest !== null && (p.baseline_on === null || latest > p.baseline_on) ? latest : null,
    gaps,
  };
}

export function planMarkdown(plan: Plan): string {
  const b = plan.budget;
  let out = `# Transition plan: ${plan.person_name} → ${plan.profile_name}\n\nFrom ${plan.from_role} · started ${plan.start_date} · created ${plan.created_on}\n\n`;
  const change = plan.structure_change;
  if (change) out += `Structure change: ${change.description}, ${change.moves.length} people moved on ${change.made_on}${change.undone ? ' (undone)' : ''}\n\n`;
  out += `Weekly time budget: hands-on ${b.hands_on} h · supervising AI agents ${b.agents} h · reviews ${b.reviews} h · mentoring ${b.mentoring} h · remaining 1:1s ${b.one_on_ones} h\n`;
  for (const phase of plan.phases) {
    out += `\n## ${phase.title} (until ${phase.end_date}) — ${phase.done}/${phase.total} done\n\n${phase.goal}\n\n`;
    for (const item of plan.items.filter((i) => i.phase === phase.phase)) {
      const about =
        item.source === 'gap' && item.level !== null
          ? ` *(${item.skill_name} → ${item.level})*`
          : item.source === 'audit'
            ? ` *(${item.skill_name})*`
            : item.source === 'own'
              ? ' *(own item)*'
              : '';
      out += `- [${item.done_on ? 'x' : ' '}] ${item.title}${about}\n`;
      if (item.source === 'checkpoint') for (const q of questions(item.done_when)) out += `  - ${q}\n`;
      else if (item.done_when) out += `  - Done when: ${item.done_when}\n`;
      if (item.note) out += `  - Note: ${item.note}\n`;
      out += `  - Due ${item.due_date}`;
      if (item.done_on) out += ` · done ${item.done_on}`;
      else if (item.overdue) out += ' — **overdue**';
      out += '\n';
    }
  }
  if (plan.checkpoint_decision) {
    out += `\n## Checkpoint decision: ${DECISIONS[plan.checkpoint_decision]}\n`;
    if (plan.checkpoint_note) out += `\n${plan.checkpoint_note}\n`;
  }
  if (plan.gaps.length) {
    out += `\n## Skill gaps (start: assessment of ${plan.baseline_on ?? '—'}${plan.reassessed_on ? `; now: re-assessed ${plan.reassessed_on}` : ''})\n\n| Skill | Target | At start | Now | |\n|---|---|---|---|---|\n`;
    const rating = (r: number | null) => (r === null ? '—' : String(r));
    for (const g of plan.gaps) out += `| ${g.skill_name} | ${g.target} | ${rating(g.at_start)} | ${rating(g.now)} | ${STATUS_WORDS[g.status]} |\n`;
  }
  return out;
}

/** leadline-core's `check_edit`. */
function checkEdit(host: TransitionHost, edit: PlanItemEdit): void {
  const problems: string[] = [];
  if (![1, 2, 3].includes(edit.phase)) problems.push(`phase ${edit.phase} is not 1, 2 or 3`);
  if (!edit.title.trim()) problems.push('the title is empty');
  if (!isDate(edit.due_date)) problems.push(`"${edit.due_date}" is not a date (YYYY-MM-DD)`);
  if (edit.hours_per_week > ITEM_HOURS_MAX) problems.push(`${edit.hours_per_week} hours a week is more than ${ITEM_HOURS_MAX}`);
  if (problems.length) host.fail('invalid_input', `the item was not saved: ${problems.join('; ')}`);
}

function nextPosition(p: StoredPlan): number {
  return p.items.reduce((max, i) => Math.max(max, i.position), -1) + 1;
}

function storedItem(host: TransitionHost, p: StoredPlan, itemId: number): StoredItem {
  return p.items.find((i) => i.id === itemId) ?? host.fail('not_found', `plan ${p.id} has no item ${itemId}`);
}

function applyEdit(item: StoredItem, edit: PlanItemEdit): void {
  item.phase = edit.phase;
  item.title = edit.title.trim();
  item.done_when = edit.done_when.trim();
  item.note = edit.note.trim();
  item.due_date = edit.due_date;
  item.hours_per_week = edit.hours_per_week;
  item.kind = edit.kind;
}

function addAuditActions(host: TransitionHost, planId: number, auditId: number): AuditFeed {
  const p = stored(host, planId);
  const actions = auditActions ? (auditActions(auditId) ?? host.fail('not_found', `no SDLC audit with id ${auditId}`)) : [];
  let added = 0;
  let already = 0;
  for (const a of actions) {
    if (p.items.some((i) => i.audit_id === auditId && i.stage === a.stage)) {
      already += 1;
      continue;
    }
    p.items.push({
      id: nextId++,
      position: nextPosition(p),
      phase: a.phase,
      skill_key: '',
      skill_name: `Bottleneck: ${a.label}`,
      level: null,
      title: a.title,
      done_when: a.done_when,
      kind: a.kind,
      hours_per_week: a.hours_per_week,
      due_date: addDays(p.start_date, 30 * a.phase),
      done_on: null,
      note: '',
      source: 'audit',
      stage: a.stage,
      audit_id: auditId,
    });
    added += 1;
  }
  return { plan: read(host, p.id), added, already_there: already };
}

function undo(host: TransitionHost, id: number): StructureChange {
  const change = changes.find((c) => c.id === id) ?? host.fail('not_found', `no structure change with id ${id}`);
  if (change.undone) host.fail('conflict', `"${change.description}" has already been undone`);
  for (const m of change.moves) {
    if (host.name(m.person_id) !== null && host.managerOf(m.person_id) !== m.to) {
      host.fail('conflict', `cannot undo "${change.description}": ${host.name(m.person_id)} has been moved again since`);
    }
  }
  for (const m of change.moves) if (host.name(m.person_id) !== null) host.setManager(m.person_id, m.from);
  change.undone = true;
  return { ...change, moves: [...change.moves] };
}

export function handleTransition(cmd: string, a: Args, host: TransitionHost): unknown {
  const num = (k: string) => a[k] as number;
  switch (cmd) {
    case 'reorg_preview':
      return preview(host, a.moves as Move[]);
    case 'reorg_undo':
      return undo(host, num('id'));
    case 'plan_create':
      return create(host, a.input as PlanInput);
    case 'plan_list':
      return plans.filter((p) => p.person_id === num('personId')).sort((x, y) => y.id - x.id).map((p) => read(host, p.id));
    case 'plan_get':
      return read(host, num('id'));
    case 'plan_item_check': {
      const p = stored(host, num('planId'));
      const item = p.items.find((i) => i.id === num('itemId')) ?? host.fail('not_found', `plan ${p.id} has no item ${num('itemId')}`);
      item.done_on = a.done ? host.today() : null;
      return read(host, p.id);
    }
    case 'plan_item_update': {
      const p = stored(host, num('planId'));
      const edit = a.edit as PlanItemEdit;
      checkEdit(host, edit);
      applyEdit(storedItem(host, p, num('itemId')), edit);
      return read(host, p.id);
    }
    case 'plan_item_add': {
      const p = stored(host, num('planId'));
      const edit = a.edit as PlanItemEdit;
      checkEdit(host, edit);
      const item: StoredItem = {
        id: nextId++,
        position: nextPosition(p),
        phase: 1,
        skill_key: '',
        skill_name: '',
        level: null,
        title: '',
        done_when: '',
        kind: 'hands_on',
        hours_per_week: 0,
        due_date: '',
        done_on: null,
        note: '',
        source: 'own',
        stage: null,
        audit_id: null,
      };
      applyEdit(item, edit);
      p.items.push(item);
      return read(host, p.id);
    }
    case 'plan_item_delete': {
      const p = stored(host, num('planId'));
      const found = storedItem(host, p, num('itemId'));
      const before = read(host, p.id).items.find((i) => i.id === found.id)!;
      p.items = p.items.filter((i) => i.id !== found.id);
      const undo_id = keepUndo('plan_item', { planId: p.id, item: found });
      return { undo_id, plan_id: p.id, position: found.position, item: before } satisfies DeletedPlanItem;
    }
    case 'plan_item_restore': {
      const deleted = undoRecord<{ planId: number; item: StoredItem }>('plan_item', a.undoId, host.fail);
      const p = stored(host, deleted.planId);
      if (p.items.some((i) => i.id === deleted.item.id)) host.fail('conflict', `the item "${deleted.item.title}" is already in the plan`);
      p.items.push({ ...deleted.item });
      markUndone(a.undoId);
      return read(host, p.id);
    }
    case 'plan_delete': {
      const p = stored(host, num('id'));
      const plan = read(host, p.id);
      plans = plans.filter((q) => q.id !== p.id);
      const positions = plan.items.map((i) => p.items.find((s) => s.id === i.id)?.position ?? 0);
      return { undo_id: keepUndo('plan', p), plan, positions } satisfies DeletedPlan;
    }
    case 'plan_restore': {
      const p = undoRecord<StoredPlan>('plan', a.undoId, host.fail);
      if (plans.some((q) => q.id === p.id)) host.fail('conflict', `the plan toward ${p.profile_name} is already there`);
      if (host.name(p.person_id) === null) host.fail('conflict', 'the person of this plan has been deleted since');
      plans.push(p);
      markUndone(a.undoId);
      return read(host, p.id);
    }
    case 'plan_budget_set': {
      const budget = a.budget as WeeklyBudget;
      const total = budget.hands_on + budget.agents + budget.reviews + budget.mentoring + budget.one_on_ones;
      if (total > BUDGET_MAX) host.fail('invalid_input', `the budget adds up to ${total} hours a week; keep it at ${BUDGET_MAX} or less`);
      const p = stored(host, num('planId'));
      p.budget = { ...budget };
      return read(host, p.id);
    }
    case 'plan_checkpoint_set': {
      const p = stored(host, num('planId'));
      p.checkpoint_decision = (a.decision as CheckpointDecision | null) ?? null;
      p.checkpoint_note = String(a.note ?? '').trim();
      return read(host, p.id);
    }
    case 'plan_add_audit_actions':
      return addAuditActions(host, num('planId'), num('auditId'));
    case 'plan_markdown':
      return planMarkdown(read(host, num('id')));
    case 'plan_markdown_write': {
      read(host, num('id'));
      return mockWrite(String(a.path), a.overwrite, host.fail);
    }
    default:
      return NOT_HANDLED;
  }
}

export function isTransitionHandled(result: unknown): boolean {
  return result !== NOT_HANDLED;
}
