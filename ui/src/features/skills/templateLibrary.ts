// The practice-template library editor's model: a level's items as an
// editable draft, the host's checks repeated here for instant feedback, and
// which call undoes a save or a reset.
import * as api from '../../lib/api';
import type { PracticeTemplate } from '../../lib/bindings/PracticeTemplate';
import type { TemplateLevel } from '../../lib/bindings/TemplateLevel';
import type { TemplateSkill } from '../../lib/bindings/TemplateSkill';
import type { TimeKind } from '../../lib/bindings/TimeKind';

/** In the order of the weekly time budget. */
export const KINDS: TimeKind[] = ['hands_on', 'agents', 'reviews', 'mentoring', 'one_on_ones'];

export const KIND_LABELS: Record<TimeKind, string> = {
  hands_on: 'hands-on work',
  agents: 'supervising AI agents',
  reviews: 'reviews',
  mentoring: 'mentoring',
  one_on_ones: 'remaining 1:1s',
};

export interface ItemDraft {
  /** Local id for keyed lists and focus. */
  uid: number;
  title: string;
  done_when: string;
  /** What the number field holds: null while it is empty. */
  hours: number | null;
  kind: TimeKind;
}

export interface LevelDraft {
  items: ItemDraft[];
  /** The items in use when editing started: a draft equal to them has nothing to save. */
  base: PracticeTemplate[];
}

let uidSeq = 0;
const nextUid = () => (uidSeq += 1);

/** Where a level's draft is kept: skill keys are unique across frameworks, so this is too. */
export function levelKey(skillKey: string, level: number): string {
  return `${skillKey}@${level}`;
}

export function itemDraft(item: PracticeTemplate): ItemDraft {
  return { uid: nextUid(), title: item.title, done_when: item.done_when, hours: item.hours_per_week, kind: item.kind };
}

export function newItem(): ItemDraft {
  return { uid: nextUid(), title: '', done_when: '', hours: 1, kind: 'hands_on' };
}

export function draftOf(level: TemplateLevel): LevelDraft {
  return { items: level.items.map(itemDraft), base: level.items.map((i) => ({ ...i })) };
}

/** Moves item `index` one place up (-1) or down (+1); no-op at the ends. */
export function moveItem(items: ItemDraft[], index: number, dir: -1 | 1): boolean {
  const to = index + dir;
  if (index < 0 || index >= items.length || to < 0 || to >= items.length) return false;
  const [item] = items.splice(index, 1);
  items.splice(to, 0, item);
  return true;
}

export function removeItem(items: ItemDraft[], index: number): void {
  if (index >= 0 && index < items.length) items.splice(index, 1);
}

/** What would be saved: text trimmed, as the host stores it. Call only when there are no problems. */
export function itemsFromDraft(draft: LevelDraft): PracticeTemplate[] {
  return draft.items.map((i) => ({
    title: i.title.trim(),
    done_when: i.done_when.trim(),
    hours_per_week: i.hours ?? 0,
    kind: i.kind,
  }));
}

const sameItem = (a: PracticeTemplate, b: PracticeTemplate) =>
  a.title.trim() === b.title.trim() &&
  a.done_when.trim() === b.done_when.trim() &&
  a.hours_per_week === b.hours_per_week &&
  a.kind === b.kind;

export function sameItems(a: PracticeTemplate[], b: PracticeTemplate[]): boolean {
  return a.length === b.length && a.every((item, i) => sameItem(item, b[i]));
}

/** The draft differs from the items in use when editing started. */
export function isDirty(draft: LevelDraft): boolean {
  if (draft.items.some((i) => i.hours === null)) return true;
  return !sameItems(itemsFromDraft(draft), draft.base);
}

export interface ItemProblems {
  title?: string;
  hours?: string;
}

/**
 * What is wrong with one item's fields: a title, whole hours, and no more
 * hours than the core's limit (`itemHoursMax` from `planLimits`; null before
 * it has answered, when the core's refusal on saving still names it).
 */
export function itemProblems(item: ItemDraft, itemHoursMax: number | null): ItemProblems {
  const p: ItemProblems = {};
  if (!item.title.trim()) p.title = 'the title is empty';
  const h = item.hours;
  if (h === null || Number.isNaN(h)) p.hours = 'enter the hours a week';
  else if (h < 0) p.hours = 'the hours a week cannot be negative';
  else if (!Number.isInteger(h)) p.hours = 'the hours a week must be a whole number';
  else if (itemHoursMax !== null && h > itemHoursMax) p.hours = `${h} hours a week is more than ${itemHoursMax}`;
  return p;
}

/**
 * Every problem of the draft, as sentences, in the host's order. `shipped` is
 * whether Leadline ships items for this level; `edited` whether the user's
 * items are in use (only then does "Reset to shipped" exist).
 */
export function draftProblems(draft: LevelDraft, context: { edited: boolean; shipped: boolean; itemHoursMax: number | null }): string[] {
  const problems: string[] = [];
  if (draft.items.length === 0) {
    if (!context.shipped) problems.push('Add at least one item.');
    else if (context.edited) problems.push('Keep at least one item. To bring back the shipped items, use “Reset to shipped”.');
    else problems.push('Keep at least one item. Cancel keeps the shipped items.');
  }
  draft.items.forEach((item, n) => {
    const p = itemProblems(item, context.itemHoursMax);
    if (p.title) problems.push(`Item ${n + 1}: ${p.title}.`);
    if (p.hours) problems.push(`Item ${n + 1}: ${p.hours}.`);
  });
  return problems;
}

export function totalHours(items: PracticeTemplate[]): number {
  return items.reduce((sum, i) => sum + i.hours_per_week, 0);
}

// ---- undo ------------------------------------------------------------------

/** How to put a level back: its earlier items, or the shipped ones (= not edited). */
export type UndoStep = { kind: 'reset' } | { kind: 'set'; items: PracticeTemplate[] };

/**
 * After a save. `wasEdited`: the user's items were in use before the save;
 * `previous`: what `template_set` returned. A level that was not edited used
 * the shipped items, and putting those back with `template_set` would leave it
 * "edited" (and stuck on today's wording); a reset makes it follow the shipped
 * items again.
 */
export function undoAfterSave(wasEdited: boolean, previous: PracticeTemplate[]): UndoStep {
  return wasEdited && previous.length > 0 ? { kind: 'set', items: previous } : { kind: 'reset' };
}

/**
 * After a reset: the user's items removed come back. The host answers with the
 * items in use before, which for a level that was not edited are the shipped
 * ones: then nothing changed and there is nothing to undo.
 */
export function undoAfterReset(wasEdited: boolean, removed: PracticeTemplate[]): UndoStep | null {
  return wasEdited && removed.length > 0 ? { kind: 'set', items: removed } : null;
}

export async function applyUndo(step: UndoStep, skillKey: string, level: number): Promise<void> {
  if (step.kind === 'reset') await api.templateReset(skillKey, level);
  else await api.templateSet(skillKey, level, step.items);
}

// ---- the skill list ------------------------------------------------------------

export interface AreaGroup {
  area: string;
  skills: TemplateSkill[];
}

/**
 * Skills grouped by area in the framework's order, keeping those whose name,
 * key or area, or one of whose items in use, contains the filter (case-insensitive).
 */
export function groupSkills(skills: TemplateSkill[], filter: string): AreaGroup[] {
  const f = filter.trim().toLowerCase();
  const matches = (s: TemplateSkill) =>
    !f ||
    [s.skill_name, s.skill_key, s.area].some((t) => t.toLowerCase().includes(f)) ||
    s.levels.some((l) => l.items.some((i) => i.title.toLowerCase().includes(f) || i.done_when.toLowerCase().includes(f)));
  const groups: AreaGroup[] = [];
  for (const s of skills) {
    if (!matches(s)) continue;
    const last = groups[groups.length - 1];
    if (last && last.area === s.area) last.skills.push(s);
    else groups.push({ area: s.area, skills: [s] });
  }
  return groups;
}

export function editedLevels(skill: TemplateSkill): number {
  return skill.levels.filter((l) => l.edited).length;
}

/** Leadline ships no items for any skill of this library (a framework of the user's own). */
export function shipsNothing(skills: TemplateSkill[]): boolean {
  return skills.every((s) => s.levels.every((l) => l.shipped.length === 0));
}
