// The templates half of the mock host (`npm run dev:mock`): the practice-template
// library as leadline-core's `transition::library` serves it — the items the core
// ships, with the user's edits of a skill and level on top.
import templatesFile from '../../../src-tauri/core/src/transition/templates/practice-templates.json';
import type { Framework } from '../lib/bindings/Framework';
import type { PracticeTemplate } from '../lib/bindings/PracticeTemplate';
import type { PracticeTemplates } from '../lib/bindings/PracticeTemplates';
import type { TemplateSkill } from '../lib/bindings/TemplateSkill';
import type { TimeKind } from '../lib/bindings/TimeKind';
import { handleSkills, type SkillsHost } from './mockSkills';
import type { TransitionHost } from './mockTransition';

type Args = Record<string, unknown>;

const NOT_HANDLED = Symbol('not handled');
const shipped = templatesFile as PracticeTemplates;
const LEVELS = [2, 3, 4, 5];
const KINDS: TimeKind[] = ['hands_on', 'agents', 'reviews', 'mentoring', 'one_on_ones'];

/** The user's items, by `skill@level`; a level not here uses the shipped items. */
let edits = new Map<string, PracticeTemplate[]>();

const at = (skill: string, level: number) => `${skill}@${level}`;
const copy = (items: PracticeTemplate[]) => items.map((i) => ({ ...i }));

function shippedItems(skill: string, level: number): PracticeTemplate[] {
  return copy(shipped.skills[skill]?.[String(level)] ?? []);
}

/** The items checklists are generated from for one skill and level. */
export function templateItems(skill: string, level: number): PracticeTemplate[] {
  const mine = edits.get(at(skill, level));
  return mine ? copy(mine) : shippedItems(skill, level);
}

/** mockSkills serves frameworks to its own host; framework_get only needs `fail`. */
function framework(id: number, host: TransitionHost): Framework {
  const skillsHost: SkillsHost = {
    person: () => null,
    subtreeHumans: () => [],
    teamMembers: () => [],
    humans: () => [],
    fail: (kind, message) => host.fail(kind, message),
  };
  return handleSkills('framework_get', { id }, skillsHost) as Framework;
}

function library(id: number, host: TransitionHost): TemplateSkill[] {
  const f = framework(id, host);
  return f.areas.flatMap((area) =>
    area.skills.map((skill) => ({
      skill_key: skill.key,
      skill_name: skill.name,
      area: area.name,
      levels: LEVELS.map((level) => ({
        level,
        rubric: skill.levels[level - 1] ?? '',
        items: templateItems(skill.key, level),
        edited: edits.has(at(skill.key, level)),
        shipped: shippedItems(skill.key, level),
      })),
    })),
  );
}

/** Like Tauri, refuse arguments that do not deserialize (hours are a u8, kinds an enum). */
function checkShape(items: unknown): PracticeTemplate[] {
  const bad = (why: string) => {
    throw `invalid args \`items\` for command \`template_set\`: ${why}`;
  };
  if (!Array.isArray(items)) bad('expected a sequence');
  for (const raw of items as unknown[]) {
    const i = raw as Partial<PracticeTemplate>;
    if (typeof i?.title !== 'string' || typeof i.done_when !== 'string') bad('missing field `title` or `done_when`');
    const h = i.hours_per_week;
    if (typeof h !== 'number' || !Number.isInteger(h) || h < 0 || h > 255) bad(`invalid value: ${String(h)}, expected u8`);
    if (!KINDS.includes(i.kind as TimeKind)) bad(`unknown variant \`${String(i.kind)}\``);
  }
  return items as PracticeTemplate[];
}

function set(skill: string, level: number, items: PracticeTemplate[], host: TransitionHost): PracticeTemplate[] {
  const problems: string[] = [];
  if (!skill.trim()) problems.push('the skill key is empty');
  if (!LEVELS.includes(level)) problems.push(`level ${level} is outside 2–5`);
  if (items.length === 0) problems.push('keep at least one item (reset the level to bring back the shipped items)');
  items.forEach((item, n) => {
    if (!item.title.trim()) problems.push(`item ${n + 1}: the title is empty`);
    if (item.hours_per_week > 40) problems.push(`item ${n + 1}: ${item.hours_per_week} hours a week is more than 40`);
  });
  if (problems.length) host.fail('invalid_input', `the templates were not saved: ${problems.join('; ')}`);
  const before = templateItems(skill, level);
  edits.set(
    at(skill, level),
    items.map((i) => ({ title: i.title.trim(), done_when: i.done_when.trim(), hours_per_week: i.hours_per_week, kind: i.kind })),
  );
  return before;
}

function reset(skill: string, level: number): PracticeTemplate[] {
  const before = templateItems(skill, level);
  edits.delete(at(skill, level));
  return before;
}

export function handleTemplates(cmd: string, a: Args, host: TransitionHost): unknown {
  switch (cmd) {
    case 'template_library':
      return library(a.frameworkId as number, host);
    case 'template_set':
      return set(String(a.skillKey), a.level as number, checkShape(a.items), host);
    case 'template_reset':
      return reset(String(a.skillKey), a.level as number);
    default:
      return NOT_HANDLED;
  }
}

export function isTemplatesHandled(result: unknown): boolean {
  return result !== NOT_HANDLED;
}

export function resetTemplates(): void {
  edits = new Map();
}
