// The mock host (`npm run dev:mock`) must serve the template library the way
// leadline-core does, so the screen can be tried in a browser.
import { beforeEach, describe, expect, it } from 'vitest';

import templatesFile from '../../../../src-tauri/core/src/transition/templates/practice-templates.json';
import type { Framework } from '../../lib/bindings/Framework';
import type { PracticeTemplate } from '../../lib/bindings/PracticeTemplate';
import type { PracticeTemplates } from '../../lib/bindings/PracticeTemplates';
import type { TemplateSkill } from '../../lib/bindings/TemplateSkill';
import { handleSkills, seedSkills, type SkillsHost } from '../../dev/mockSkills';
import { handleTemplates, isTemplatesHandled, resetTemplates, templateItems } from '../../dev/mockTemplates';
import type { TransitionHost } from '../../dev/mockTransition';

class Refused {
  constructor(
    public kind: string,
    public message: string,
  ) {}
}
const fail = (kind: string, message: string): never => {
  throw new Refused(kind, message);
};
const skillsHost: SkillsHost = { person: () => null, subtreeHumans: () => [], teamMembers: () => [], humans: () => [], fail };
const host = { fail } as unknown as TransitionHost;
const shipped = (templatesFile as PracticeTemplates).skills;

const call = (cmd: string, args: Record<string, unknown>) => handleTemplates(cmd, args, host);
const item = (title: string, hours = 2): PracticeTemplate => ({ title, done_when: 'seen', hours_per_week: hours, kind: 'mentoring' });

let builtin: Framework;
let own: Framework;

beforeEach(() => {
  seedSkills(skillsHost, () => 0.5);
  resetTemplates();
  const list = handleSkills('framework_list', {}, skillsHost) as { id: number; builtin: boolean }[];
  builtin = handleSkills('framework_get', { id: list.find((f) => f.builtin)!.id }, skillsHost) as Framework;
  own = handleSkills('framework_get', { id: list.find((f) => !f.builtin)!.id }, skillsHost) as Framework;
});

describe('mock host: practice templates', () => {
  it('serves the built-in framework’s 14 skills, levels 2–5, with the shipped items and rubrics', () => {
    const lib = call('template_library', { frameworkId: builtin.id }) as TemplateSkill[];
    expect(lib).toHaveLength(14);
    expect(lib.map((s) => s.skill_key)).toEqual(builtin.areas.flatMap((a) => a.skills.map((s) => s.key)));
    const coaching = lib.find((s) => s.skill_key === 'coaching')!;
    expect(coaching.levels.map((l) => l.level)).toEqual([2, 3, 4, 5]);
    expect(coaching.levels[1].items).toEqual(shipped.coaching['3']);
    expect(coaching.levels[1].shipped).toEqual(shipped.coaching['3']);
    expect(coaching.levels[1].edited).toBe(false);
    const skill = builtin.areas.flatMap((a) => a.skills).find((s) => s.key === 'coaching')!;
    expect(coaching.levels[1].rubric).toBe(skill.levels[2]);
  });

  it('replaces one level, answers with the items before, and resets back to the shipped ones', () => {
    const before = call('template_set', { skillKey: 'coaching', level: 3, items: [item('  Pair weekly ')] });
    expect(before).toEqual(shipped.coaching['3']);
    const lib = call('template_library', { frameworkId: builtin.id }) as TemplateSkill[];
    const level3 = lib.find((s) => s.skill_key === 'coaching')!.levels[1];
    expect(level3).toMatchObject({ edited: true, items: [item('Pair weekly')], shipped: shipped.coaching['3'] });
    expect(templateItems('coaching', 4), 'other levels keep the shipped items').toEqual(shipped.coaching['4']);
    expect(call('template_reset', { skillKey: 'coaching', level: 3 })).toEqual([item('Pair weekly')]);
    expect(templateItems('coaching', 3)).toEqual(shipped.coaching['3']);
  });

  it('refuses invalid items naming every problem, and changes nothing', () => {
    let err: unknown = null;
    try {
      call('template_set', { skillKey: 'coaching', level: 6, items: [item(' '), item('Too much', 60)] });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(Refused);
    expect((err as Refused).kind).toBe('invalid_input');
    for (const part of ['level 6', 'item 1: the title is empty', 'item 2: 60 hours']) expect((err as Refused).message).toContain(part);
    expect(() => call('template_set', { skillKey: 'coaching', level: 3, items: [] })).toThrow(/at least one item/);
    expect(templateItems('coaching', 3)).toEqual(shipped.coaching['3']);
  });

  it('gives user skills no shipped items until the user writes some', () => {
    const lib = call('template_library', { frameworkId: own.id }) as TemplateSkill[];
    expect(lib.every((s) => s.levels.every((l) => l.items.length === 0 && l.shipped.length === 0))).toBe(true);
    const key = lib[0].skill_key;
    expect(call('template_set', { skillKey: key, level: 2, items: [item('Write a runbook')] })).toEqual([]);
    expect(templateItems(key, 2)).toEqual([item('Write a runbook')]);
  });

  it('leaves other commands to the rest of the mock host', () => {
    expect(isTemplatesHandled(call('plan_get', { id: 1 }))).toBe(false);
  });
});
