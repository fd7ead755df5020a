// Host answers for the audit tests. `laterAudit` is Ada's audit of 2026-10-01,
// compared with her audit of 2026-09-01 (`earlierAudit`). By hand:
//   planning 1/0 (was 1/0), strategy 3/2 (was 2/2), prioritization not rated,
//   bug fixing 3/1 (was 4/0), code generation 0/4 (not rated before),
//   code review 4/3 owned by the agent "Review bot" (was 4/1).
//   Worst: code review (4), then bug fixing and strategy tie at 3 and bug
//   fixing uses less AI (1 < 2), so: code review, bug fixing, strategy.
//   Total slowdown 1 + 3 + 3 + 0 + 4 = 11 over 5 stages.
import type { Audit } from '../../lib/bindings/Audit';
import type { AuditScales } from '../../lib/bindings/AuditScales';
import type { Plan } from '../../lib/bindings/Plan';
import type { StageRow } from '../../lib/bindings/StageRow';

export function scales(): AuditScales {
  return {
    stages: [
      { stage: 'planning', label: 'Planning', question: 'How long does it take to turn a request into work someone can start on?' },
      { stage: 'strategy', label: 'Strategy', question: 'How often does work wait for an unclear direction?' },
      { stage: 'prioritization', label: 'Prioritization', question: 'How often do people work on the wrong thing first?' },
      { stage: 'bug_fixing', label: 'Bug fixing', question: 'How much time goes from a bug report to a verified fix?' },
      { stage: 'code_generation', label: 'Code generation', question: 'How much time is spent writing code by hand?' },
      { stage: 'code_review', label: 'Code review', question: 'How long do changes wait for review?' },
    ],
    slowdown: ['Not a bottleneck', 'Slight', 'Noticeable', 'Major', 'The main bottleneck'],
    ai_use: ['No AI', 'Individuals experiment', 'Used for some tasks', 'Used for most tasks', 'Agents do it, people review'],
    bottleneck_from: 2,
  };
}

export function row(over: Partial<StageRow> & Pick<StageRow, 'stage' | 'label'>): StageRow {
  return {
    slowdown: 0,
    ai_use: 0,
    owner_id: null,
    owner_name: null,
    owner_kind: null,
    next_change: '',
    previous_slowdown: null,
    previous_ai_use: null,
    rank: null,
    ...over,
  };
}

export function laterAudit(over: Partial<Audit> = {}): Audit {
  return {
    id: 12,
    scope: { kind: 'person', id: 4 },
    scope_name: 'Ada Lovelace',
    taken_on: '2026-10-01',
    note: 'After the review-agent trial.',
    stages: [
      row({ stage: 'planning', label: 'Planning', slowdown: 1, ai_use: 0, previous_slowdown: 1, previous_ai_use: 0 }),
      row({ stage: 'strategy', label: 'Strategy', slowdown: 3, ai_use: 2, previous_slowdown: 2, previous_ai_use: 2, rank: 3, owner_id: 4, owner_name: 'Ada Lovelace', owner_kind: 'human' }),
      row({ stage: 'bug_fixing', label: 'Bug fixing', slowdown: 3, ai_use: 1, previous_slowdown: 4, previous_ai_use: 0, rank: 2, next_change: 'Triage agent labels new bugs' }),
      row({ stage: 'code_generation', label: 'Code generation', slowdown: 0, ai_use: 4 }),
      row({
        stage: 'code_review',
        label: 'Code review',
        slowdown: 4,
        ai_use: 3,
        previous_slowdown: 4,
        previous_ai_use: 1,
        rank: 1,
        owner_id: 31,
        owner_name: 'Review bot',
        owner_kind: 'agent',
        next_change: 'Agent pre-review of every change',
      }),
    ],
    worst: ['code_review', 'bug_fixing', 'strategy'],
    previous: { id: 11, taken_on: '2026-09-01' },
    ...over,
  };
}

export function earlierAudit(over: Partial<Audit> = {}): Audit {
  return {
    id: 11,
    scope: { kind: 'person', id: 4 },
    scope_name: 'Ada Lovelace',
    taken_on: '2026-09-01',
    note: '',
    stages: [
      row({ stage: 'planning', label: 'Planning', slowdown: 1, ai_use: 0 }),
      row({ stage: 'strategy', label: 'Strategy', slowdown: 2, ai_use: 2 }),
      row({ stage: 'bug_fixing', label: 'Bug fixing', slowdown: 4, ai_use: 0 }),
      row({ stage: 'code_review', label: 'Code review', slowdown: 4, ai_use: 1, owner_id: 31, owner_name: 'Review bot', owner_kind: 'agent', next_change: 'Agent pre-review of every change' }),
    ],
    worst: ['bug_fixing', 'code_review', 'strategy'],
    previous: null,
    ...over,
  };
}

/** A plan with no items: only its id, person and label matter to the audit screens. */
export function plan(over: Partial<Plan> = {}): Plan {
  return {
    id: 7,
    person_id: 4,
    person_name: 'Ada Lovelace',
    from_role: 'manager of 6',
    profile_name: 'IC leader',
    profile_id: 22,
    direction: 'to_ic',
    start_date: '2026-08-03',
    structure_change_id: null,
    structure_change: null,
    budget: { hands_on: 14, agents: 10, reviews: 8, mentoring: 5, one_on_ones: 3 },
    checkpoint_decision: null,
    checkpoint_note: '',
    checkpoint_questions: [],
    created_on: '2026-08-01',
    phases: [],
    items: [],
    baseline_on: null,
    reassessed_on: null,
    gaps: [],
    ...over,
  };
}
