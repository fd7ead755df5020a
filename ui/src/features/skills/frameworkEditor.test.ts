import { describe, expect, it } from 'vitest';

import * as core from '../../test/core';
import {
  clientProblems,
  draftFromFile,
  droppedTargets,
  duplicateDraft,
  fileFromDraft,
  importOutcomeText,
  move,
  newFrameworkDraft,
  newSkill,
  renameArea,
  renameFramework,
  renameSkill,
  slugify,
  uniqueKey,
} from './frameworkEditor';

describe('keys', () => {
  it('slugifies names the way the host accepts keys', () => {
    expect(slugify('Giving feedback & coaching')).toBe('giving-feedback-coaching');
    expect(slugify('  Élan vital ')).toBe('elan-vital');
    expect(slugify('---')).toBe('');
    const long = slugify('x'.repeat(63) + ' y');
    expect(long.length).toBeLessThanOrEqual(64);
    expect(long.endsWith('-')).toBe(false);
  });

  it('finds an unused key', () => {
    expect(uniqueKey('a', new Set())).toBe('a');
    expect(uniqueKey('a', new Set(['a', 'a-2']))).toBe('a-3');
    expect(uniqueKey('', new Set())).toBe('item');
  });
});

describe('framework draft', () => {
  // The built-in framework as the host sends it to the editor, with its five profiles.
  const frameworkFile = core.frameworkDocumentBuiltin;

  it('round-trips a document and locks existing keys', () => {
    const file = frameworkFile();
    const d = draftFromFile(file, true);
    expect(fileFromDraft(d)).toEqual(file);
    expect(d.keyLocked && d.areas.every((a) => a.keyLocked && a.skills.every((s) => s.keyLocked))).toBe(true);
    renameSkill(d, d.areas[0].skills[0], 'Delegation');
    expect(d.areas[0].skills[0].key).toBe('delegating-work');
  });

  it('lets a new skill key follow its name until the key is typed, avoiding duplicates', () => {
    const d = draftFromFile(frameworkFile(), true);
    const s = newSkill();
    d.areas[1].skills.push(s);
    // "coaching" is taken, in another area.
    renameSkill(d, s, 'Coaching');
    expect(s.key).toBe('coaching-2');
    renameSkill(d, s, 'Mentoring others');
    expect(s.key).toBe('mentoring-others');
    s.key = 'mentoring';
    s.keyTouched = true;
    renameSkill(d, s, 'Mentoring people');
    expect(s.key).toBe('mentoring');
    renameSkill(d, s, 'x');
    const fresh = newSkill();
    d.areas[0].skills.push(fresh);
    renameSkill(d, fresh, '');
    expect(fresh.key).toBe('');
  });

  it('derives area and framework keys for new ones', () => {
    const d = newFrameworkDraft();
    renameFramework(d, 'Platform craft', new Set(['platform-craft']));
    expect(d.key).toBe('platform-craft-2');
    renameArea(d, d.areas[0], 'Operations');
    expect(d.areas[0].key).toBe('operations');
    expect(d.scale).toHaveLength(5);
  });

  it('duplicates under an unused key with every profile', () => {
    const d = duplicateDraft(frameworkFile(), new Set(['ai-native-ic-leader', 'ai-native-ic-leader-my-copy']));
    expect(d.key).toBe('ai-native-ic-leader-my-copy-2');
    expect(d.name).toBe('AI-native IC leader (my copy)');
    expect(d.keyLocked).toBe(false);
    expect(d.profiles.map((p) => p.key)).toEqual(['engineering-manager', 'tech-lead', 'ic-leader', 'staff-ic-leader', 'my-lead']);
    expect(clientProblems(d, true, new Set(['ai-native-ic-leader']))).toEqual([]);
    d.key = 'ai-native-ic-leader';
    expect(clientProblems(d, true, new Set(['ai-native-ic-leader']))[0]).toContain('already used');
    expect(clientProblems(d, false, new Set(['ai-native-ic-leader']))).toEqual([]);
  });

  it('drops profile targets of removed skills when saving, and says which', () => {
    const file = frameworkFile();
    const d = draftFromFile(file, true);
    const people = d.areas.find((a) => a.key === 'leading-people')!;
    people.skills.splice(people.skills.findIndex((s) => s.key === 'coaching'), 1);
    expect(droppedTargets(d)).toEqual(['coaching']);
    const { coaching, ...rest } = file.profiles[0].targets;
    expect(coaching).toBe(4);
    expect(fileFromDraft(d).profiles[0].targets).toEqual(rest);
  });

  it('moves items within bounds', () => {
    const list = ['a', 'b', 'c'];
    move(list, 0, 1);
    expect(list).toEqual(['b', 'a', 'c']);
    move(list, 0, -1);
    move(list, 2, 1);
    expect(list).toEqual(['b', 'a', 'c']);
  });
});

describe('import outcome', () => {
  it('says what the import will do', () => {
    expect(importOutcomeText(core.frameworkImportPreviewCreate())).toBe('This creates a new framework, “Team craft”.');
    expect(importOutcomeText(core.frameworkImportPreviewReplace())).toContain('replaces the existing “Platform craft” v2');
    const newVersion = core.frameworkImportPreviewNewVersion();
    expect(importOutcomeText(newVersion)).toBe('This adds version 3 of “Platform craft”. Its 1 assessment keeps version 2.');
    // More assessments: the plural is the point.
    expect(importOutcomeText({ ...newVersion, existing: { ...newVersion.existing!, assessments: 3 } })).toContain('Its 3 assessments keep version 2.');
    expect(importOutcomeText(core.frameworkImportPreviewRefusedBuiltin())).toContain('“AI-native IC leader” is built-in');
  });
});
