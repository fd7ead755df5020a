// Host answers for the practice-template library tests: the three skills of
// the skills fixtures' framework, with a few short items per level.
import type { PracticeTemplate } from '../../lib/bindings/PracticeTemplate';
import type { TemplateLevel } from '../../lib/bindings/TemplateLevel';
import type { TemplateSkill } from '../../lib/bindings/TemplateSkill';
import type { TimeKind } from '../../lib/bindings/TimeKind';

export function tpl(title: string, hours = 1, kind: TimeKind = 'hands_on', done_when = `${title}: done`): PracticeTemplate {
  return { title, done_when, hours_per_week: hours, kind };
}

function level(lv: number, name: string, items: PracticeTemplate[], over: Partial<TemplateLevel> = {}): TemplateLevel {
  return { level: lv, rubric: `${name} at level ${lv}.`, items, edited: false, shipped: items, ...over };
}

/** delegating-work level 2: two shipped items, not edited. */
export const DELEGATING_2 = [tpl('List open tasks', 2, 'hands_on'), tpl('Brief an agent', 1, 'agents')];
/** delegating-work level 3: edited; the user's one item replaces two shipped ones. */
export const DELEGATING_3_SHIPPED = [tpl('Delegate a bug fix', 2, 'agents'), tpl('Review the PR', 1, 'reviews')];
export const DELEGATING_3_MINE = [tpl('Pair on a delegation', 3, 'mentoring', 'Two delegations reviewed together')];

export function library(): TemplateSkill[] {
  return [
    {
      skill_key: 'delegating-work',
      skill_name: 'Delegating to people and agents',
      area: 'Directing work',
      levels: [
        level(2, 'Delegating', DELEGATING_2),
        level(3, 'Delegating', DELEGATING_3_MINE, { edited: true, shipped: DELEGATING_3_SHIPPED }),
        level(4, 'Delegating', [tpl('Set up a delegation review', 1, 'reviews')]),
        level(5, 'Delegating', [tpl('Teach delegation', 2, 'mentoring')]),
      ],
    },
    {
      skill_key: 'decomposing-work',
      skill_name: 'Breaking down big work',
      area: 'Directing work',
      levels: [2, 3, 4, 5].map((l) => level(l, 'Decomposing', [tpl(`Slice an epic ${l}`, 1, 'hands_on')])),
    },
    {
      skill_key: 'coaching',
      skill_name: 'Coaching',
      area: 'Leading people',
      levels: [2, 3, 4, 5].map((l) => level(l, 'Coaching', [tpl(`Ask open questions ${l}`, 1, 'one_on_ones')])),
    },
  ];
}

/** A skill of the user's own framework: nothing ships. */
export function ownSkill(): TemplateSkill {
  return {
    skill_key: 'kotlin',
    skill_name: 'Kotlin services',
    area: 'Craft',
    levels: [2, 3, 4, 5].map((l) => level(l, 'Kotlin', [])),
  };
}
