// Host answers for the Transition component tests: a plan of five items over
// three phases (one done, one overdue, the day-90 checkpoint last) that moved
// three people, with the gaps it started from; audits to feed into it; and the
// org impact of moving a manager's reports.
import type { AuditSummary } from '../lib/bindings/AuditSummary';
import type { GapProgress } from '../lib/bindings/GapProgress';
import type { ImpactPreview } from '../lib/bindings/ImpactPreview';
import type { Plan } from '../lib/bindings/Plan';
import type { PlanItem } from '../lib/bindings/PlanItem';
import { metrics } from './fixtures';

export function planItem(over: Partial<PlanItem> = {}): PlanItem {
  return {
    id: 1,
    phase: 1,
    skill_key: 'delegating-work',
    skill_name: 'Delegating to people and agents',
    level: 3,
    title: 'Delegate one bug fix to a coding agent',
    done_when: 'The PR is merged',
    kind: 'agents',
    hours_per_week: 2,
    due_date: '2026-09-02',
    done_on: null,
    note: '',
    overdue: false,
    source: 'gap',
    stage: null,
    audit_id: null,
    ...over,
  };
}

export const CHECKPOINT_TEXT =
  'Do I have more energy at the end of a week than I did as a manager? Which gaps closed, and which did not move? Would going back be a step toward something?';

export function plan(over: Partial<Plan> = {}): Plan {
  const items = [
    planItem({ id: 41, phase: 1, done_on: '2026-08-10' }),
    planItem({ id: 42, phase: 1, skill_key: 'coaching', skill_name: 'Coaching', level: 2, title: 'Pair with a junior engineer', done_when: 'They ran a review alone', kind: 'mentoring', overdue: true, due_date: '2026-08-01' }),
    planItem({ id: 43, phase: 2, level: 4, title: 'Split an epic for agents', due_date: '2026-10-02' }),
    planItem({ id: 44, phase: 2, skill_key: 'coaching', skill_name: 'Coaching', level: 3, title: 'Coach two reviewers', due_date: '2026-10-02', kind: 'reviews' }),
    planItem({ id: 45, phase: 3, skill_key: '', skill_name: '', level: null, title: 'Day-90 checkpoint: keep going, adjust, or go back', done_when: CHECKPOINT_TEXT, kind: 'one_on_ones', hours_per_week: 1, due_date: '2026-11-01', source: 'checkpoint' }),
  ];
  return {
    id: 7,
    person_id: 4,
    person_name: 'Ada Lovelace',
    from_role: 'manager of 6',
    profile_name: 'IC leader',
    profile_id: 22,
    direction: 'to_ic',
    start_date: '2026-08-03',
    structure_change_id: 12,
    structure_change: {
      id: 12,
      description: 'Ada Lovelace moves to IC leader: their reports get new managers',
      made_on: '2026-08-01',
      moves: [
        { person_id: 5, from: 4, to: 9 },
        { person_id: 6, from: 4, to: 9 },
        { person_id: 7, from: 4, to: 9 },
      ],
      undone: false,
    },
    budget: { hands_on: 14, agents: 10, reviews: 8, mentoring: 5, one_on_ones: 3 },
    checkpoint_decision: null,
    checkpoint_note: '',
    checkpoint_questions: checkpointQuestionList(),
    created_on: '2026-08-01',
    phases: [
      { phase: 1, title: 'Days 1–30: learn the work again', goal: 'Close the biggest gaps first.', end_date: '2026-09-02', done: 1, total: 2 },
      { phase: 2, title: 'Days 31–60: lead through the work', goal: 'Delegate and review.', end_date: '2026-10-02', done: 0, total: 2 },
      { phase: 3, title: 'Days 61–90: own outcomes, then decide', goal: 'Own a result, then decide.', end_date: '2026-11-01', done: 0, total: 1 },
    ],
    items,
    baseline_on: '2026-07-20',
    reassessed_on: null,
    gaps: gapRows(),
    ...over,
  };
}

export function checkpointQuestionList(): string[] {
  return [
    'Do I have more energy at the end of a week than I did as a manager?',
    'Which gaps closed, and which did not move?',
    'Would going back be a step toward something?',
  ];
}

/** One row of every status. Four skills were below target at the start (delegating, coaching, decomposing, ownership); one of them closed. */
export function gapRows(): GapProgress[] {
  const row = (skill_key: string, skill_name: string, target: number, at_start: number | null, now: number | null, status: GapProgress['status']): GapProgress => ({
    skill_key,
    skill_name,
    target,
    at_start,
    now,
    status,
  });
  return [
    row('delegating-work', 'Delegating to people and agents', 4, 2, 4, 'closed'),
    row('coaching', 'Coaching', 3, 1, 2, 'narrowed'),
    row('decomposing-work', 'Breaking down big work', 4, 3, 3, 'unchanged'),
    row('systems-thinking', 'Systems thinking', 3, 3, 2, 'widened'),
    row('feedback', 'Giving feedback', 3, 4, 4, 'met'),
    row('patience', 'Patience', 3, null, 2, 'open'),
    row('ownership', 'End-to-end ownership', 4, 3, null, 'unrated'),
  ];
}

export function auditSummary(over: Partial<AuditSummary> = {}): AuditSummary {
  return {
    id: 31,
    scope: { kind: 'person', id: 4 },
    scope_name: 'Ada Lovelace',
    taken_on: '2026-08-10',
    stages_rated: 6,
    worst: 'Code review',
    total_slowdown: 11,
    ...over,
  };
}

/** Ada (4) stops managing her 3 people; they go to Grace (9), whose span becomes wide. */
export function impactPreview(over: Partial<ImpactPreview> = {}): ImpactPreview {
  return {
    before: metrics({ headcount: 40, managers: 8, ics: 32, ic_to_manager_ratio: 4, layers: 4, span_mean: 4.875 }),
    after: metrics({ headcount: 40, managers: 7, ics: 33, ic_to_manager_ratio: 33 / 7, layers: 4, span_mean: 39 / 7 }),
    receiving: [{ id: 9, name: 'Grace Hopper', span_before: 13, span_after: 15, becomes_wide: true }],
    new_flags: ["Grace Hopper's span becomes wide (15 ≥ 15)"],
    ...over,
  };
}
