import { beforeEach, describe, expect, it, vi } from 'vitest';

import * as core from '../../test/core';

vi.mock('../../lib/api', async (orig) => {
  const real = await orig<typeof import('../../lib/api')>();
  return { ...real, templateSet: vi.fn(), templateReset: vi.fn() };
});
const api = await import('../../lib/api');
const t = await import('./templateLibrary');

const titles = (items: { title: string }[]) => items.map((i) => i.title);

// The built-in framework's library: delegating level 2 as shipped (three
// items), level 3 edited (the user's one item in place of three shipped).
const library = core.templateLibraryBuiltin();
const [two, three] = library[0].levels;

function draftFrom(items = two.items) {
  return t.draftOf({ level: 2, rubric: '', items, edited: false, shipped: items });
}

beforeEach(() => {
  vi.mocked(api.templateSet).mockReset().mockResolvedValue([]);
  vi.mocked(api.templateReset).mockReset().mockResolvedValue([]);
});

describe('editing a level’s items', () => {
  it('starts from the items in use and gives each a distinct local id', () => {
    const d = draftFrom();
    expect(d.items.map((i) => [i.title, i.hours, i.kind])).toEqual(two.items.map((i) => [i.title, i.hours_per_week, i.kind]));
    expect(new Set(d.items.map((i) => i.uid)).size).toBe(3);
    expect(t.isDirty(d)).toBe(false);
  });

  it('moves an item one place and refuses to move past either end', () => {
    const items = [t.newItem(), t.newItem(), t.newItem()];
    items.forEach((item, n) => (item.title = 'ABC'[n]));
    expect(t.moveItem(items, 0, 1)).toBe(true);
    expect(titles(items)).toEqual(['B', 'A', 'C']);
    expect(t.moveItem(items, 2, -1)).toBe(true);
    expect(titles(items)).toEqual(['B', 'C', 'A']);
    expect(t.moveItem(items, 0, -1)).toBe(false);
    expect(t.moveItem(items, 2, 1)).toBe(false);
    expect(titles(items), 'nothing moves at the ends').toEqual(['B', 'C', 'A']);
  });

  it('removes the item at an index', () => {
    const d = draftFrom();
    t.removeItem(d.items, 0);
    expect(titles(d.items)).toEqual(titles(two.items.slice(1)));
    t.removeItem(d.items, 5);
    expect(d.items).toHaveLength(2);
  });

  it('saves trimmed text, as the host stores it', () => {
    const d = draftFrom();
    d.items[0].title = '  Write the brief first ';
    d.items[0].done_when = ' Brief written\n';
    expect(t.itemsFromDraft(d)[0]).toEqual({ ...two.items[0], title: 'Write the brief first', done_when: 'Brief written' });
  });

  it('knows when there is something to save', () => {
    const d = draftFrom();
    d.items[0].title = `${two.items[0].title}  `;
    expect(t.isDirty(d), 'spaces the host trims away change nothing').toBe(false);
    d.items[1].kind = 'reviews';
    expect(t.isDirty(d)).toBe(true);
    d.items[1].kind = two.items[1].kind;
    expect(t.isDirty(d)).toBe(false);
    t.moveItem(d.items, 0, 1);
    expect(t.isDirty(d), 'a new order is a change').toBe(true);
    t.moveItem(d.items, 1, -1);
    d.items[0].hours = null;
    expect(t.isDirty(d)).toBe(true);
    d.items[0].hours = two.items[0].hours_per_week;
    d.items.push(t.newItem());
    expect(t.isDirty(d)).toBe(true);
  });

  it('adds new items blank, one hour a week of hands-on work', () => {
    const item = t.newItem();
    expect([item.title, item.done_when, item.hours, item.kind]).toEqual(['', '', 1, 'hands_on']);
  });
});

describe('the host’s checks, repeated for instant feedback', () => {
  const item = (title: string, hours: number | null) => ({ ...t.newItem(), title, hours });
  // The core's limit, as it answers plan_limits (40 hours for one item).
  const max = core.planLimits().item_hours_max;

  it("needs a title and whole hours a week, up to the core's limit", () => {
    expect(t.itemProblems(item('Do it', 0), max)).toEqual({});
    expect(t.itemProblems(item('Do it', max), max)).toEqual({});
    expect(t.itemProblems(item('   ', max + 1), max)).toEqual({ title: 'the title is empty', hours: `${max + 1} hours a week is more than ${max}` });
    expect(t.itemProblems(item('x', null), max).hours).toBe('enter the hours a week');
    expect(t.itemProblems(item('x', -1), max).hours).toBe('the hours a week cannot be negative');
    expect(t.itemProblems(item('x', 2.5), max).hours).toBe('the hours a week must be a whole number');
    expect(t.itemProblems(item('Do it', 60), null), 'before the core has said its limit').toEqual({});
  });

  it('lists every problem, item by item', () => {
    const d = draftFrom();
    d.items[0].title = ' ';
    d.items[0].hours = 60;
    d.items[1].hours = 3;
    expect(t.draftProblems(d, { edited: false, shipped: true, itemHoursMax: max })).toEqual([
      'Item 1: the title is empty.',
      `Item 1: 60 hours a week is more than ${max}.`,
    ]);
  });

  it('refuses an empty list, saying how to get the shipped items back', () => {
    const empty = { items: [], base: [] };
    expect(t.draftProblems(empty, { edited: true, shipped: true, itemHoursMax: max })).toEqual([
      'Keep at least one item. To bring back the shipped items, use “Reset to shipped”.',
    ]);
    expect(t.draftProblems(empty, { edited: false, shipped: true, itemHoursMax: max })).toEqual(['Keep at least one item. Cancel keeps the shipped items.']);
    expect(t.draftProblems(empty, { edited: false, shipped: false, itemHoursMax: max })).toEqual(['Add at least one item.']);
  });
});

describe('undo', () => {
  it('after saving a level that was not edited, resets it so it follows the shipped items again', () => {
    expect(t.undoAfterSave(false, two.items)).toEqual({ kind: 'reset' });
  });

  it('after saving an edited level, puts the earlier items back', () => {
    expect(t.undoAfterSave(true, three.items)).toEqual({ kind: 'set', items: three.items });
  });

  it('after saving the first items of a skill that ships none, resets (an empty list cannot be saved)', () => {
    expect(t.undoAfterSave(false, [])).toEqual({ kind: 'reset' });
    expect(t.undoAfterSave(true, [])).toEqual({ kind: 'reset' });
  });

  it('after a reset, saves the removed items again; a level that was not edited has nothing to undo', () => {
    expect(t.undoAfterReset(true, three.items)).toEqual({ kind: 'set', items: three.items });
    expect(t.undoAfterReset(false, two.items)).toBeNull();
    expect(t.undoAfterReset(true, [])).toBeNull();
  });

  it('calls the host for each kind of step', async () => {
    await t.applyUndo({ kind: 'reset' }, 'coaching', 4);
    expect(api.templateReset).toHaveBeenCalledWith('coaching', 4);
    expect(api.templateSet).not.toHaveBeenCalled();
    await t.applyUndo({ kind: 'set', items: three.items }, 'delegating-work', 3);
    expect(api.templateSet).toHaveBeenCalledWith('delegating-work', 3, three.items);
  });
});

describe('the skill list', () => {
  const keys = (groups: ReturnType<typeof t.groupSkills>) => groups.map((g) => [g.area, g.skills.map((s) => s.skill_key)]);

  it('groups skills by area in the framework’s order', () => {
    expect(keys(t.groupSkills(library, ''))).toEqual(core.frameworkBuiltin().areas.map((a) => [a.name, a.skills.map((s) => s.key)]));
  });

  it('filters by skill name, key, area or the wording of an item in use', () => {
    expect(keys(t.groupSkills(library, ' GROWING '))).toEqual([['Leading people', ['coaching']]]);
    expect(keys(t.groupSkills(library, 'decomposing'))).toEqual([['Directing work', ['decomposing-work']]]);
    expect(keys(t.groupSkills(library, 'leading people'))).toEqual([['Leading people', ['coaching', 'building-trust', 'patience-and-perseverance']]]);
    expect(keys(t.groupSkills(library, 'pair on a'))).toEqual([['Directing work', ['delegating-work']]]);
    expect(three.shipped[0].title).toContain('well-specified bug fix');
    expect(keys(t.groupSkills(library, 'well-specified bug fix')), 'shipped items replaced by the user’s do not match').toEqual([]);
  });

  it('counts edited levels and adds up hours', () => {
    expect(library.map(t.editedLevels)).toEqual(library.map((_, i) => (i === 0 ? 1 : 0)));
    // 1 + 2 + 1 hours a week.
    expect(t.totalHours(two.items)).toBe(4);
  });

  it('tells a framework Leadline ships nothing for', () => {
    const own = core.templateLibraryPlatformCraft();
    expect(t.shipsNothing(own)).toBe(true);
    expect(t.shipsNothing([...own, ...library])).toBe(false);
  });
});
