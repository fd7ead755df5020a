// Pure helpers of the SDLC audit screens: the form's drafts (prefilled from the
// latest audit), what keeps it from being saved, the AuditInput it sends, and
// the wording of changes since the previous audit.
import type { Audit } from '../../lib/bindings/Audit';
import type { AuditInput } from '../../lib/bindings/AuditInput';
import type { AuditScope } from '../../lib/bindings/AuditScope';
import type { PersonKind } from '../../lib/bindings/PersonKind';
import type { Stage } from '../../lib/bindings/Stage';
import type { StageInfo } from '../../lib/bindings/StageInfo';
import type { StageInput } from '../../lib/bindings/StageInput';
import type { StageRow } from '../../lib/bindings/StageRow';

// ---- scopes --------------------------------------------------------------------

export function sameScope(a: AuditScope | null, b: AuditScope | null): boolean {
  return a !== null && b !== null && a.kind === b.kind && a.id === b.id;
}

// ---- the form ------------------------------------------------------------------

export interface OwnerDraft {
  id: number;
  name: string;
  kind: PersonKind;
}

export interface StageDraft {
  slowdown: number | null;
  ai_use: number | null;
  owner: OwnerDraft | null;
  next_change: string;
}

/**
 * `rated`: both scales chosen; `not_rated`: nothing filled in (the stage is
 * left out); `incomplete`: something filled in but a scale missing.
 */
export type StageState = 'rated' | 'not_rated' | 'incomplete';

export function emptyStage(): StageDraft {
  return { slowdown: null, ai_use: null, owner: null, next_change: '' };
}

export function stageState(d: StageDraft): StageState {
  if (d.slowdown !== null && d.ai_use !== null) return 'rated';
  if (d.slowdown === null && d.ai_use === null && d.owner === null && d.next_change.trim() === '') return 'not_rated';
  return 'incomplete';
}

function draftFromRow(row: StageRow): StageDraft {
  return {
    slowdown: row.slowdown,
    ai_use: row.ai_use,
    owner: row.owner_id === null ? null : { id: row.owner_id, name: row.owner_name ?? `#${row.owner_id}`, kind: row.owner_kind ?? 'human' },
    next_change: row.next_change,
  };
}

/**
 * One draft per stage. From the scope's latest audit when there is one: its
 * ratings, owners and next changes carry over, so the user changes what moved;
 * a stage it did not rate starts empty.
 */
export function draftsFrom(stages: StageInfo[], latest: Audit | null): Record<string, StageDraft> {
  const out: Record<string, StageDraft> = {};
  for (const info of stages) {
    const row = latest?.stages.find((s) => s.stage === info.stage);
    out[info.stage] = row ? draftFromRow(row) : emptyStage();
  }
  return out;
}

export interface FormProblem {
  stage: Stage | null;
  message: string;
}

/** What keeps the form from being sent, stage by stage in lifecycle order. */
export function formProblems(stages: StageInfo[], drafts: Record<string, StageDraft>): FormProblem[] {
  const problems: FormProblem[] = [];
  let rated = 0;
  for (const info of stages) {
    const d = drafts[info.stage] ?? emptyStage();
    const state = stageState(d);
    if (state === 'rated') rated += 1;
    if (state !== 'incomplete') continue;
    let message: string;
    if (d.slowdown === null && d.ai_use === null) {
      message = `${info.label}: rate it to keep its owner and next change, or skip the stage.`;
    } else if (d.slowdown === null) {
      message = `${info.label}: choose how much it slows the work, or skip the stage.`;
    } else {
      message = `${info.label}: choose how much AI is used there, or skip the stage.`;
    }
    problems.push({ stage: info.stage, message });
  }
  if (rated === 0 && problems.length === 0) problems.push({ stage: null, message: 'Rate at least one stage.' });
  return problems;
}

export function ratedCount(stages: StageInfo[], drafts: Record<string, StageDraft>): number {
  return stages.filter((s) => stageState(drafts[s.stage] ?? emptyStage()) === 'rated').length;
}

/** The input to send: the rated stages in lifecycle order, text trimmed. */
export function toAuditInput(
  scope: AuditScope,
  takenOn: string,
  note: string,
  stages: StageInfo[],
  drafts: Record<string, StageDraft>,
): AuditInput {
  const rows: StageInput[] = [];
  for (const info of stages) {
    const d = drafts[info.stage];
    if (!d || d.slowdown === null || d.ai_use === null) continue;
    rows.push({
      stage: info.stage,
      slowdown: d.slowdown,
      ai_use: d.ai_use,
      owner_id: d.owner?.id ?? null,
      next_change: d.next_change.trim(),
    });
  }
  return { scope, taken_on: takenOn.trim(), note: note.trim(), stages: rows };
}

// ---- reading an audit ------------------------------------------------------------

/**
 * Direction of a change since the previous audit. Slowdown: lower is better.
 * AI use is "more" or "less" AI, not better or worse.
 */
export type ChangeDirection = 'better' | 'worse' | 'more' | 'less' | 'same' | 'new';

export interface Change {
  direction: ChangeDirection;
  /** ↓ or ↑; empty when there is no movement to show. */
  arrow: string;
  /** The words, which carry the meaning on their own: "better, was 4". */
  words: string;
  previous: number | null;
}

export function slowdownChange(current: number, previous: number | null): Change {
  if (previous === null) return { direction: 'new', arrow: '', words: 'not rated before', previous };
  if (current < previous) return { direction: 'better', arrow: '↓', words: `better, was ${previous}`, previous };
  if (current > previous) return { direction: 'worse', arrow: '↑', words: `worse, was ${previous}`, previous };
  return { direction: 'same', arrow: '', words: 'no change', previous };
}

export function aiUseChange(current: number, previous: number | null): Change {
  if (previous === null) return { direction: 'new', arrow: '', words: 'not rated before', previous };
  if (current > previous) return { direction: 'more', arrow: '↑', words: `more AI, was ${previous}`, previous };
  if (current < previous) return { direction: 'less', arrow: '↓', words: `less AI, was ${previous}`, previous };
  return { direction: 'same', arrow: '', words: 'no change', previous };
}

/** The stage labels of the worst bottlenecks, worst first. */
export function worstLabels(audit: Audit): string[] {
  return audit.worst.map((stage) => audit.stages.find((s) => s.stage === stage)?.label ?? stage);
}

/** "Added 2 items to the plan (1 was already there)." */
export function feedMessage(added: number, alreadyThere: number): string {
  const items = `${added} ${added === 1 ? 'item' : 'items'}`;
  const rest = alreadyThere > 0 ? ` (${alreadyThere} ${alreadyThere === 1 ? 'was' : 'were'} already there)` : '';
  return `Added ${items} to the plan${rest}.`;
}

/** "0 · Not a bottleneck" */
export function scaleWords(value: number, scale: string[]): string {
  return `${value} · ${scale[value] ?? ''}`.trim();
}

/** "team Platform" → "Team Platform", for the start of a heading. */
export function upperFirst(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
