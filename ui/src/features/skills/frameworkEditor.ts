// The framework editor's model: a FrameworkFile with local ids for keyed
// lists, and keys that follow names until the user types one. Keys of areas
// and skills that already exist are locked: history and role profiles match
// skills by key across versions, so renaming a key would cut a skill's history.
import type { FrameworkFile } from '../../lib/bindings/FrameworkFile';
import type { FrameworkImportPreview } from '../../lib/bindings/FrameworkImportPreview';
import type { ProfileFile } from '../../lib/bindings/ProfileFile';

export const FORMAT = 'leadline-framework';
export const FORMAT_VERSION = 1;
export const LEVELS = 5;
export const DEFAULT_SCALE = ['Learning', 'Practicing', 'Proficient', 'Leading', 'Shaping'];

export interface SkillDraft {
  uid: number;
  key: string;
  name: string;
  description: string;
  levels: string[];
  /** Existed before this edit: the key cannot change. */
  keyLocked: boolean;
  /** The user typed the key: it no longer follows the name. */
  keyTouched: boolean;
}

export interface AreaDraft {
  uid: number;
  key: string;
  name: string;
  skills: SkillDraft[];
  keyLocked: boolean;
  keyTouched: boolean;
}

export interface FrameworkDraft {
  key: string;
  name: string;
  version: number;
  description: string;
  scale: string[];
  areas: AreaDraft[];
  /** Carried through unchanged (profiles are edited on their own). */
  profiles: ProfileFile[];
  keyLocked: boolean;
  keyTouched: boolean;
}

let uidSeq = 0;
const nextUid = () => (uidSeq += 1);

/** "Giving feedback & coaching" -> "giving-feedback-coaching" (the host's key rule). */
export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 64)
    .replace(/-+$/, '');
}

/** `base`, or `base-2`, `base-3`… whichever is not taken. */
export function uniqueKey(base: string, taken: Set<string>): string {
  const b = base || 'item';
  if (!taken.has(b)) return b;
  for (let i = 2; ; i += 1) {
    const k = `${b.slice(0, 60)}-${i}`;
    if (!taken.has(k)) return k;
  }
}

export function draftFromFile(file: FrameworkFile, locked: boolean): FrameworkDraft {
  return {
    key: file.key,
    name: file.name,
    version: file.version,
    description: file.description,
    scale: Array.from({ length: LEVELS }, (_, i) => file.scale[i] ?? ''),
    areas: file.areas.map((a) => ({
      uid: nextUid(),
      key: a.key,
      name: a.name,
      keyLocked: locked,
      keyTouched: locked,
      skills: a.skills.map((s) => ({
        uid: nextUid(),
        key: s.key,
        name: s.name,
        description: s.description,
        levels: Array.from({ length: LEVELS }, (_, i) => s.levels[i] ?? ''),
        keyLocked: locked,
        keyTouched: locked,
      })),
    })),
    profiles: file.profiles.map((p) => ({ ...p, targets: { ...p.targets } })),
    keyLocked: locked,
    keyTouched: locked,
  };
}

export function newSkill(): SkillDraft {
  return { uid: nextUid(), key: '', name: '', description: '', levels: Array(LEVELS).fill(''), keyLocked: false, keyTouched: false };
}

export function newArea(): AreaDraft {
  return { uid: nextUid(), key: '', name: '', skills: [newSkill()], keyLocked: false, keyTouched: false };
}

export function newFrameworkDraft(): FrameworkDraft {
  return {
    key: '',
    name: '',
    version: 1,
    description: '',
    scale: [...DEFAULT_SCALE],
    areas: [newArea()],
    profiles: [],
    keyLocked: false,
    keyTouched: false,
  };
}

/** A copy of a framework to save as the user's own: a new, unused key and every profile. */
export function duplicateDraft(file: FrameworkFile, takenKeys: Set<string>): FrameworkDraft {
  const draft = draftFromFile(file, false);
  draft.key = uniqueKey(slugify(`${file.key}-my-copy`), takenKeys);
  draft.name = `${file.name} (my copy)`;
  draft.version = 1;
  draft.keyTouched = true;
  // Area and skill keys keep their values (they are free to change in a copy).
  for (const a of draft.areas) {
    a.keyTouched = true;
    for (const s of a.skills) s.keyTouched = true;
  }
  return draft;
}

function skillKeys(draft: FrameworkDraft, except?: SkillDraft): Set<string> {
  const keys = new Set<string>();
  for (const a of draft.areas) for (const s of a.skills) if (s !== except && s.key) keys.add(s.key);
  return keys;
}

function areaKeys(draft: FrameworkDraft, except?: AreaDraft): Set<string> {
  return new Set(draft.areas.filter((a) => a !== except && a.key).map((a) => a.key));
}

/** New name; an untouched, unlocked key follows it. */
export function renameSkill(draft: FrameworkDraft, skill: SkillDraft, name: string): void {
  skill.name = name;
  if (!skill.keyLocked && !skill.keyTouched) skill.key = name.trim() ? uniqueKey(slugify(name), skillKeys(draft, skill)) : '';
}

export function renameArea(draft: FrameworkDraft, area: AreaDraft, name: string): void {
  area.name = name;
  if (!area.keyLocked && !area.keyTouched) area.key = name.trim() ? uniqueKey(slugify(name), areaKeys(draft, area)) : '';
}

export function renameFramework(draft: FrameworkDraft, name: string, takenKeys: Set<string>): void {
  draft.name = name;
  if (!draft.keyLocked && !draft.keyTouched) draft.key = name.trim() ? uniqueKey(slugify(name), takenKeys) : '';
}

/** Moves item `index` one place up (-1) or down (+1); no-op at the ends. */
export function move<T>(list: T[], index: number, dir: -1 | 1): void {
  const to = index + dir;
  if (index < 0 || index >= list.length || to < 0 || to >= list.length) return;
  const [item] = list.splice(index, 1);
  list.splice(to, 0, item);
}

/** Problems the host cannot see: a new framework must not take an existing key. */
export function clientProblems(draft: FrameworkDraft, isNew: boolean, takenKeys: Set<string>): string[] {
  const problems: string[] = [];
  if (isNew && draft.key && takenKeys.has(draft.key)) {
    problems.push(`key "${draft.key}" is already used by another framework; choose another key`);
  }
  return problems;
}

/**
 * The document to save. Profile targets for skills no longer in the
 * framework are dropped (the host refuses targets for unknown skills).
 */
export function fileFromDraft(draft: FrameworkDraft): FrameworkFile {
  const keys = skillKeys(draft);
  return {
    format: FORMAT,
    format_version: FORMAT_VERSION,
    key: draft.key.trim(),
    name: draft.name,
    version: draft.version,
    description: draft.description,
    scale: [...draft.scale],
    areas: draft.areas.map((a) => ({
      key: a.key.trim(),
      name: a.name,
      skills: a.skills.map((s) => ({ key: s.key.trim(), name: s.name, description: s.description, levels: [...s.levels] })),
    })),
    profiles: draft.profiles.map((p) => ({
      ...p,
      targets: Object.fromEntries(Object.entries(p.targets).filter(([k]) => keys.has(k))),
    })),
  };
}

/** Skill keys some profile targets but the draft no longer has. */
export function droppedTargets(draft: FrameworkDraft): string[] {
  const keys = skillKeys(draft);
  const dropped = new Set<string>();
  for (const p of draft.profiles) for (const k of Object.keys(p.targets)) if (!keys.has(k)) dropped.add(k);
  return [...dropped].sort();
}

/** What importing a framework file will do, in words (from the host's preview). */
export function importOutcomeText(p: FrameworkImportPreview): string {
  const name = p.existing?.name ?? p.file.name;
  switch (p.outcome) {
    case 'create':
      return `This creates a new framework, “${p.file.name}”.`;
    case 'replace':
      return `This replaces the existing “${name}” v${p.existing?.version ?? p.file.version}. It has no assessments yet, so nothing else changes.`;
    case 'new_version': {
      const v = p.existing?.version ?? 0;
      const n = p.existing?.assessments ?? 0;
      return `This adds version ${v + 1} of “${name}”. Its ${n} ${n === 1 ? 'assessment keeps' : 'assessments keep'} version ${v}.`;
    }
    case 'refused_builtin':
      return `“${name}” is built-in and cannot be changed. Import the file under a new key to make it your own framework.`;
  }
}
