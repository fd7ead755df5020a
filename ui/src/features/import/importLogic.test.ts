import { describe, expect, it } from 'vitest';

import * as core from '../../test/core';
import { canImport, duplicateFields, progressPercent, withColumnField } from './importLogic';

// The host's columns of a file "Emp ID;Name;Boss": "Boss" maps to nothing.
const { columns } = core.importPreview();

describe('import logic', () => {
  it('builds a full mapping from the preview plus one change', () => {
    expect(withColumnField(columns, 2, 'manager_id')).toEqual(['id', 'name', 'manager_id']);
    expect(withColumnField(columns, 0, null)).toEqual([null, 'name', null]);
  });

  it('finds fields mapped twice', () => {
    const twice = columns.map((c) => (c.index === 2 ? { ...c, field: 'name' as const } : c));
    expect(duplicateFields(twice)).toEqual(['name']);
    expect(duplicateFields(columns)).toEqual([]);
  });

  it('refuses to import a file with any problem', () => {
    expect(canImport(core.importPreview())).toBe(true);
    // The same file with "Boss" read as manager ids: one of them is nobody's.
    expect(canImport(core.importPreviewProblems())).toBe(false);
    expect(canImport(null)).toBe(false);
  });

  it('turns progress into a percentage', () => {
    expect(progressPercent(null)).toBe(0);
    expect(progressPercent({ phase: 'writing', done: 50, total: 200 })).toBe(25);
    expect(progressPercent({ phase: 'reading', done: 5, total: 0 })).toBe(0);
    expect(progressPercent({ phase: 'writing', done: 300, total: 200 })).toBe(100);
    expect(progressPercent({ phase: 'done', done: 0, total: 0 })).toBe(100);
  });
});
