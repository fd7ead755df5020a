// The transition half of the mock host (`npm run dev:mock`): reorg preview and
// undo, and 30/60/90-day plans generated from gaps with the practice templates
// the core ships, following leadline-core's rules closely enough to look at
// the screens.
import templatesFile from '../../../src-tauri/core/src/transition/templates/practice-templates.json';
import type { GapReport } from '../lib/bindings/GapReport';
import type { ImpactPreview } from '../lib/bindings/ImpactPreview';
import type { Metrics } from '../lib/bindings/Metrics';
import type { Move } from '../lib/bindings/Move';
import type { Plan } from '../lib/bindings/Plan';
import type { PlanInput } from '../lib/bindings/PlanInput';
import type { PlanItem } from '../lib/bindings/PlanItem';
import type { PracticeTemplates } from '../lib/bindings/PracticeTemplates';
import type { RecordedMove } from '../lib/bindings/RecordedMove';
import type { StructureChange } from '../lib/bindings/StructureChange';
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
const templates = templatesFile as PracticeTemplates;

const PHASES: [string, string][] = [
  ['Days 1–30: learn the work again', 'Close the biggest gaps first and get hands-on with the team\'s code, tools and agents.'],
  ['Days 31–60: lead through the work', 'Take on the next level of each skill, delegate to people and agents, and review their output.'],
  ['Days 61–90: own outcomes, then decide', 'Own a result end to end, then use the checkpoint to keep going, adjust, or go back.'],
];
const CHECKPOINT_TITLE = 'Day-90 checkpoint: keep going, adjust, or go back';
const CHECKPOINT_QUESTIONS =
  'Do I have more energy at the end of a week than I did as a manager? ' +
  'Which work of the last month am I proudest of, and was it hands-on, through agents, or through people? ' +
  'Which gaps closed, and which did not move? What would I need to change to stay, and is that change possible here? ' +
  'Would going back to managing be a step toward something, or away from something?';
const BUDGET: WeeklyBudget = { hands_on: 14, agents: 10, reviews: 8, mentoring: 5, one_on_ones: 3 };

type StoredItem = Omit<PlanItem, 'overdue'>;
interface StoredPlan {
  id: number;
  person_id: number;
  from_role: string;
  profile_name: string;
  start_date: string;
  structure_change_id: number | null;
  created_on: string;
  items: StoredItem[];
}

let plans: StoredPlan[] = [];
let changes: StructureChange[] = [];
let nextId = 1;

export function resetTransition(): void {
  plans = [];
  changes = [];
  nextId = 1;
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
  const items: Omit<StoredItem, 'id' | 'due_date' | 'done_on' | 'note'>[] = [];
  report.gaps.forEach((gap, rank) => {
    if (gap.current === null || gap.target === null || gap.current >= gap.target) return;
    const start = gap.target - gap.current >= 2 || rank < 3 || gap.interest === 2 ? 1 : 2;
    for (let level = gap.current + 1, step = 0; level <= gap.target; level += 1, step += 1) {
      for (const t of templates.skills[gap.skill_key]?.[String(level)] ?? []) {
        items.push({ phase: Math.min(3, start + step), skill_key: gap.skill_key, skill_name: gap.skill_name, level, title: t.title, done_when: t.done_when, kind: t.kind, hours_per_week: t.hours_per_week });
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
    changes.push({ id: changeId, description: `${name} moves to ${profile.name}: their reports get new managers`, made_on: today, moves, undone: false });
  }
  const items = [
    ...checklist(report),
    { phase: 3, skill_key: '', skill_name: '', level: null, title: CHECKPOINT_TITLE, done_when: CHECKPOINT_QUESTIONS, kind: 'one_on_ones' as const, hours_per_week: 1 },
  ].map((i) => ({ ...i, id: nextId++, due_date: addDays(input.start_date, 30 * i.phase), done_on: null, note: '' }));
  const plan: StoredPlan = {
    id: nextId++,
    person_id: input.person_id,
    from_role: from,
    profile_name: profile.name,
    start_date: input.start_date,
    structure_change_id: changeId,
    created_on: today,
    items,
  };
  plans.push(plan);
  return read(host, plan.id);
}

function stored(host: TransitionHost, id: number): StoredPlan {
  return plans.find((p) => p.id === id) ?? host.fail('not_found', `no transition plan with id ${id}`);
}

function read(host: TransitionHost, id: number): Plan {
  const p = stored(host, id);
  const today = host.today();
  const items = p.items.map((i) => ({ ...i, overdue: i.done_on === null && i.due_date < today }));
  return {
    id: p.id,
    person_id: p.person_id,
    person_name: host.name(p.person_id) ?? '',
    from_role: p.from_role,
    profile_name: p.profile_name,
    start_date: p.start_date,
    structure_change_id: p.structure_change_id,
    budget: { ...BUDGET },
    checkpoint_decision: null,
    checkpoint_note: '',
    created_on: p.created_on,
    phases: PHASES.map(([title, goal], i) => {
      const of = items.filter((item) => item.phase === i + 1);
      return { phase: i + 1, title, goal, end_date: addDays(p.start_date, 30 * (i + 1)), done: of.filter((x) => x.done_on !== null).length, total: of.length };
    }),
    items,
  };
}

export function planMarkdown(plan: Plan): string {
  const b = plan.budget;
  let out = `# Transition plan: ${plan.person_name} → ${plan.profile_name}\n\nFrom ${plan.from_role} · started ${plan.start_date} · created ${plan.created_on}\n\n`;
  out += `Weekly time budget: hands-on ${b.hands_on} h · supervising AI agents ${b.agents} h · reviews ${b.reviews} h · mentoring ${b.mentoring} h · remaining 1:1s ${b.one_on_ones} h\n`;
  for (const phase of plan.phases) {
    out += `\n## ${phase.title} (until ${phase.end_date}) — ${phase.done}/${phase.total} done\n\n${phase.goal}\n\n`;
    for (const item of plan.items.filter((i) => i.phase === phase.phase)) {
      const skill = item.skill_name ? ` *(${item.skill_name} → ${item.level ?? 0})*` : '';
      out += `- [${item.done_on ? 'x' : ' '}] ${item.title}${skill}\n  - Done when: ${item.done_when}\n  - Due ${item.due_date}`;
      if (item.overdue) out += ' — **overdue**';
      out += '\n';
    }
  }
  return out;
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
    case 'plan_markdown':
      return planMarkdown(read(host, num('id')));
    case 'plan_markdown_write': {
      const path = String(a.path);
      read(host, num('id'));
      if (!path.startsWith('/') || path.startsWith('/root/') || path.includes('/nope/')) host.fail('io', `cannot write ${path}: Permission denied (os error 13)`);
      return path;
    }
    default:
      return NOT_HANDLED;
  }
}

export function isTransitionHandled(result: unknown): boolean {
  return result !== NOT_HANDLED;
}
