// The audit half of the mock host (`npm run dev:mock`): SDLC audits in memory,
// with the core's rules (every problem named, nothing saved on bad input; the
// worst bottlenecks are slowdown ≥ 2, slowest first, then less AI use, then
// lifecycle order, at most 3; each audit compared with the previous one of
// the same scope). Owner kinds and team names come through the public API.
import * as api from '../lib/api';
import type { Audit } from '../lib/bindings/Audit';
import type { AuditInput } from '../lib/bindings/AuditInput';
import type { AuditScales } from '../lib/bindings/AuditScales';
import type { AuditScope } from '../lib/bindings/AuditScope';
import type { AuditSummary } from '../lib/bindings/AuditSummary';
import type { DeletedAudit } from '../lib/bindings/DeletedAudit';
import type { Stage } from '../lib/bindings/Stage';
import type { StageRow } from '../lib/bindings/StageRow';
import type { TimeKind } from '../lib/bindings/TimeKind';
import { setAuditActionSource, type AuditAction, type TransitionHost } from './mockTransition';
import { markUndone, keepUndo, undoRecord } from './mockShared';

type Args = Record<string, unknown>;
type Stored = AuditInput & { id: number };

const NOT_HANDLED = Symbol('not handled');

const STAGES: [Stage, string, string][] = [
  ['planning', 'Planning', 'How long does it take to turn a request into work someone can start on?'],
  ['strategy', 'Strategy', 'How often does work wait for, or get redone because of, an unclear direction?'],
  ['prioritization', 'Prioritization', 'How often do people work on the wrong thing first, or wait for a decision on what comes next?'],
  ['bug_fixing', 'Bug fixing', 'How much time goes from a bug report to a verified fix, and how much of the week does it eat?'],
  ['code_generation', 'Code generation', 'How much of the time from a clear task to a working change is spent writing code by hand?'],
  ['code_review', 'Code review', 'How long do changes wait for review, and how often does review find what should have been caught earlier?'],
];
const ORDER = STAGES.map((s) => s[0]);
const LABEL = new Map(STAGES.map(([s, l]) => [s, l]));
const SCALES: AuditScales = {
  stages: STAGES.map(([stage, label, question]) => ({ stage, label, question })),
  slowdown: ['Not a bottleneck', 'Slight', 'Noticeable', 'Major', 'The main bottleneck'],
  ai_use: ['No AI', 'Individuals experiment', 'Used for some tasks', 'Used for most tasks', 'Agents do it, people review'],
  bottleneck_from: 2,
};

let audits = new Map<number, Stored>();
let nextId = 1;

const same = (a: AuditScope, b: AuditScope) => a.kind === b.kind && a.id === b.id;
/** Newest first: later date, then saved later. */
const newestFirst = (a: Stored, b: Stored) => b.taken_on.localeCompare(a.taken_on) || b.id - a.id;

function isDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

async function scopeName(scope: AuditScope, host: TransitionHost): Promise<string | null> {
  if (scope.kind === 'person') return host.name(scope.id);
  const team = (await api.teamList()).find((t) => t.id === scope.id);
  return team ? `team ${team.name}` : null;
}

async function check(input: AuditInput, host: TransitionHost): Promise<void> {
  const problems: string[] = [];
  if (!isDate(input.taken_on)) problems.push(`"${input.taken_on}" is not a date (YYYY-MM-DD)`);
  if ((await scopeName(input.scope, host)) === null) problems.push(`no ${input.scope.kind} with id ${input.scope.id}`);
  if (input.stages.length === 0) problems.push('rate at least one stage');
  const seen = new Set<Stage>();
  for (const s of input.stages) {
    const label = LABEL.get(s.stage) ?? s.stage;
    if (seen.has(s.stage)) problems.push(`${label} is rated twice`);
    seen.add(s.stage);
    if (!(s.slowdown >= 0 && s.slowdown <= 4)) problems.push(`${label}: slowdown ${s.slowdown} is outside 0–4`);
    if (!(s.ai_use >= 0 && s.ai_use <= 4)) problems.push(`${label}: AI use ${s.ai_use} is outside 0–4`);
    if (s.owner_id !== null && host.name(s.owner_id) === null) problems.push(`${label}: no person or agent with id ${s.owner_id} to own it`);
  }
  if (problems.length > 0) host.fail('invalid_input', `the audit was not saved: ${problems.join('; ')}`);
}

/** Saves an audit, and tells the plan half of the mock host how to read audits' bottlenecks. */
function store(input: AuditInput, id: number, host: TransitionHost): void {
  setAuditActionSource((auditId) => actions(auditId, host));
  audits.set(id, {
    id,
    scope: input.scope,
    taken_on: input.taken_on.trim(),
    note: input.note.trim(),
    stages: input.stages.map((s) => ({ ...s, next_change: s.next_change.trim() })),
  });
}

/** The stage rows of a stored audit with ranks (owner kinds left out), and its previous audit. */
function rows(a: Stored, host: TransitionHost): { stages: StageRow[]; worst: StageRow[]; previous: Stored | undefined } {
  const previous = [...audits.values()]
    .filter((b) => same(b.scope, a.scope) && (b.taken_on < a.taken_on || (b.taken_on === a.taken_on && b.id < a.id)))
    .sort(newestFirst)[0];
  const stages = [...a.stages]
    .sort((x, y) => ORDER.indexOf(x.stage) - ORDER.indexOf(y.stage))
    .map((s): StageRow => {
      const ownerName = s.owner_id === null ? null : host.name(s.owner_id);
      const before = previous?.stages.find((p) => p.stage === s.stage);
      return {
        stage: s.stage,
        label: LABEL.get(s.stage) ?? s.stage,
        slowdown: s.slowdown,
        ai_use: s.ai_use,
        owner_id: ownerName === null ? null : s.owner_id,
        owner_name: ownerName,
        owner_kind: null,
        next_change: s.next_change,
        previous_slowdown: before?.slowdown ?? null,
        previous_ai_use: before?.ai_use ?? null,
        rank: null,
      };
    });
  const worst = stages
    .filter((s) => s.slowdown >= SCALES.bottleneck_from)
    .sort((x, y) => y.slowdown - x.slowdown || x.ai_use - y.ai_use || ORDER.indexOf(x.stage) - ORDER.indexOf(y.stage))
    .slice(0, 3);
  worst.forEach((s, i) => (s.rank = i + 1));
  return { stages, worst, previous };
}

/** `kinds` = look up whether each owner is an agent (a host call each; lists skip it). */
async function get(id: number, host: TransitionHost, kinds = true): Promise<Audit> {
  const a = audits.get(id);
  if (!a) return host.fail('not_found', `no SDLC audit with id ${id}`);
  const { stages, worst, previous } = rows(a, host);
  for (const s of stages) if (kinds && s.owner_id !== null) s.owner_kind = (await api.personGet(s.owner_id)).kind;
  return {
    id,
    scope: a.scope,
    scope_name: (await scopeName(a.scope, host)) ?? '',
    taken_on: a.taken_on,
    note: a.note,
    stages,
    worst: worst.map((s) => s.stage),
    previous: previous ? { id: previous.id, taken_on: previous.taken_on } : null,
  };
}

const TIME_KIND: Record<Stage, TimeKind> = {
  planning: 'hands_on',
  strategy: 'hands_on',
  prioritization: 'hands_on',
  bug_fixing: 'agents',
  code_generation: 'agents',
  code_review: 'reviews',
};

/** The plan items an audit's worst bottlenecks ask for, worst first (the core's wording). */
function actions(auditId: number, host: TransitionHost): AuditAction[] | null {
  const a = audits.get(auditId);
  if (!a) return null;
  return rows(a, host).worst.map((s, rank) => {
    const stage = s.label.toLowerCase();
    const owner = s.owner_name ? `Agreed with ${s.owner_name}, who owns ${stage}; ` : '';
    return {
      stage: s.stage,
      label: s.label,
      title: s.next_change ? `${s.label}: try "${s.next_change}"` : `${s.label}: find one change that removes the slowdown, and try it for two weeks`,
      done_when: `${owner}the change has run for two weeks, and the next audit rates the ${stage} slowdown below "${SCALES.slowdown[s.slowdown]}".`,
      kind: TIME_KIND[s.stage],
      hours_per_week: 2,
      phase: rank < 2 ? 1 : 2,
    };
  });
}

const COMMANDS = new Set(['audit_create', 'audit_get', 'audit_list', 'audit_delete', 'audit_restore']);

async function run(cmd: string, a: Args, host: TransitionHost): Promise<unknown> {
  switch (cmd) {
    case 'audit_create': {
      const input = a.input as AuditInput;
      await check(input, host);
      const id = nextId++;
      store(input, id, host);
      return get(id, host);
    }
    case 'audit_get':
      return get(a.id as number, host);
    case 'audit_list': {
      const scope = a.scope as AuditScope | null;
      const list = [...audits.values()].filter((x) => scope === null || same(x.scope, scope)).sort(newestFirst);
      const out: AuditSummary[] = [];
      for (const x of list) {
        const full = await get(x.id, host, false);
        out.push({
          id: x.id,
          scope: x.scope,
          scope_name: full.scope_name,
          taken_on: x.taken_on,
          stages_rated: full.stages.length,
          worst: full.worst.length > 0 ? (LABEL.get(full.worst[0]) ?? null) : null,
          total_slowdown: full.stages.reduce((sum, s) => sum + s.slowdown, 0),
        });
      }
      return out;
    }
    case 'audit_delete': {
      const audit = await get(a.id as number, host);
      audits.delete(audit.id);
      return { undo_id: keepUndo('audit', audit), audit, plan_items: [] } satisfies DeletedAudit;
    }
    case 'audit_restore': {
      const audit = undoRecord<Audit>('audit', a.undoId, host.fail);
      if (audits.has(audit.id)) host.fail('conflict', `the audit of ${audit.scope_name} on ${audit.taken_on} is already there`);
      const input: AuditInput = {
        scope: audit.scope,
        taken_on: audit.taken_on,
        note: audit.note,
        // An owner deleted since is left out rather than failing the undo.
        stages: audit.stages.map((s) => ({
          stage: s.stage,
          slowdown: s.slowdown,
          ai_use: s.ai_use,
          owner_id: s.owner_id !== null && host.name(s.owner_id) !== null ? s.owner_id : null,
          next_change: s.next_change,
        })),
      };
      await check(input, host);
      store(input, audit.id, host);
      nextId = Math.max(nextId, audit.id + 1);
      markUndone(a.undoId);
      return get(audit.id, host);
    }
  }
}

export function handleAudit(cmd: string, a: Args, host: TransitionHost): unknown {
  if (cmd === 'audit_scales') return SCALES;
  return COMMANDS.has(cmd) ? run(cmd, a, host) : NOT_HANDLED;
}

export function isAuditHandled(result: unknown): boolean {
  return result !== NOT_HANDLED;
}

export function resetAudit(): void {
  audits = new Map();
  nextId = 1;
}
