import { describe, expect, it } from 'vitest';

import type { ComparedSkill } from '../../lib/bindings/ComparedSkill';
import { assessment, profiles, summaries } from '../../test/skillsFixtures';
import {
  defaultFrameworkKey,
  defaultPair,
  defaultProfileId,
  defaultRound,
  diffCounts,
  diffStrength,
  diffSummary,
  formatDiff,
  interestLabel,
  latestVersions,
  pairInRound,
  ratingsFrom,
} from './skillsLogic';

describe('rounds', () => {
  it('names the half-year round of a date', () => {
    expect(defaultRound('2026-06-30')).toBe('2026-H1');
    expect(defaultRound('2026-07-01')).toBe('2026-H2');
    expect(defaultRound('nonsense')).toBe('');
  });
});

describe('defaults', () => {
  it('keeps the newest version of each key, in listed order', () => {
    const latest = latestVersions(summaries());
    expect(latest.map((f) => [f.key, f.version])).toEqual([
      ['ai-native-ic-leader', 1],
      ['platform-craft', 2],
    ]);
    // the newest wins even when listed after an older one
    const reversed = latestVersions([...summaries()].reverse());
    expect(reversed.find((f) => f.key === 'platform-craft')?.id).toBe(7);
  });

  it('opens on the built-in AI-native framework, else any built-in, else the first', () => {
    expect(defaultFrameworkKey(latestVersions(summaries()))).toBe('ai-native-ic-leader');
    const others = summaries().map((f) => ({ ...f, key: f.builtin ? 'other-builtin' : f.key }));
    expect(defaultFrameworkKey(latestVersions(others).reverse())).toBe('other-builtin');
    expect(defaultFrameworkKey(latestVersions(summaries().filter((f) => !f.builtin)))).toBe('platform-craft');
    expect(defaultFrameworkKey([])).toBeNull();
  });

  it('opens the gap analysis on the IC leader profile', () => {
    expect(defaultProfileId(profiles())).toBe(22);
    expect(defaultProfileId(profiles().filter((p) => p.key !== 'ic-leader'))).toBe(21);
    expect(defaultProfileId(profiles().filter((p) => !p.builtin))).toBe(30);
    expect(defaultProfileId([])).toBeNull();
  });

  it('pairs the latest self and manager of the newest round that has both', () => {
    const list = [
      assessment({ id: 6, assessor_role: 'self', round: '2026-H2', assessed_on: '2026-08-01' }),
      assessment({ id: 5, assessor_role: 'manager', round: '2026-H1', assessed_on: '2026-04-02' }),
      assessment({ id: 4, assessor_role: 'peer', round: '2026-H1', assessed_on: '2026-04-01' }),
      assessment({ id: 3, assessor_role: 'self', round: '2026-H1', assessed_on: '2026-03-30' }),
      assessment({ id: 2, assessor_role: 'manager', round: '2025-H2', assessed_on: '2025-10-01' }),
    ];
    const pair = defaultPair(list);
    expect([pair.self?.id, pair.manager?.id]).toEqual([3, 5]);
    expect(pairInRound(list, '2026-H2')).toBeNull();
    expect(pairInRound(list, ' 2026-H1 ')?.self.id).toBe(3);
  });

  it('falls back to the latest of each when no round has both', () => {
    const list = [
      assessment({ id: 6, assessor_role: 'self', round: 'A' }),
      assessment({ id: 5, assessor_role: 'manager', round: 'B' }),
      assessment({ id: 4, assessor_role: 'self', round: '' }),
      assessment({ id: 3, assessor_role: 'manager', round: '' }),
    ];
    const pair = defaultPair(list);
    expect([pair.self?.id, pair.manager?.id]).toEqual([6, 5]);
    expect(defaultPair([assessment({ id: 1, assessor_role: 'self' })]).manager).toBeNull();
  });
});

function compared(difference: number | null, self: number | null = 3): ComparedSkill {
  return {
    area: 'A',
    skill_key: `s${Math.random()}`,
    skill_name: 'S',
    self_level: self,
    manager_level: difference === null ? null : (self ?? 0) + difference,
    difference,
    self_note: '',
    manager_note: '',
  };
}

describe('comparison', () => {
  it('grades differences: 2 or more strong, 1 mild, 0 none', () => {
    expect(diffStrength(-3)).toBe('strong');
    expect(diffStrength(2)).toBe('strong');
    expect(diffStrength(-1)).toBe('mild');
    expect(diffStrength(0)).toBe('none');
    expect(diffStrength(null)).toBeNull();
  });

  it('prints signed differences with a real minus', () => {
    expect(formatDiff(2)).toBe('+2');
    expect(formatDiff(-1)).toBe('−1');
    expect(formatDiff(0)).toBe('0');
    expect(formatDiff(null)).toBe('—');
  });

  it('counts and summarises the differences', () => {
    const rows = [compared(2), compared(-3), compared(-2), compared(1), compared(0), compared(null), compared(null, null)];
    expect(diffCounts(rows)).toEqual({ strong: 3, mild: 1, same: 1, unpaired: 1 });
    expect(diffSummary(rows)).toBe('3 skills differ by 2 or more; 1 by 1, 1 the same.');
    expect(diffSummary([compared(-2), compared(0)])).toBe('1 skill differs by 2 or more; 1 the same.');
    expect(diffSummary([compared(-2), compared(3)])).toBe('2 skills differ by 2 or more.');
    expect(diffSummary([compared(1), compared(-1), compared(0)])).toBe('No skill differs by 2 or more; 2 differ by 1, 1 the same.');
    expect(diffSummary([compared(0), compared(0)])).toBe('Self and manager agree on all 2 skills both rated.');
    expect(diffSummary([compared(null)])).toBe('No skill was rated by both.');
  });

  it('labels interest', () => {
    expect(interestLabel(2)).toBe('Wants to grow');
    expect(interestLabel(0)).toBe('Not now');
    expect(interestLabel(null)).toBe('—');
  });
});

describe('ratingsFrom', () => {
  it('sends rated skills only, in framework order, with interest as a number', () => {
    const drafts = {
      c: { level: 5, interest: '', note: '  ok ' },
      a: { level: 2, interest: '0', note: '' },
      b: { level: null, interest: '2', note: 'ignored' },
    };
    expect(ratingsFrom(['a', 'b', 'c', 'missing'], drafts)).toEqual([
      { skill_key: 'a', level: 2, interest: 0, note: '' },
      { skill_key: 'c', level: 5, interest: null, note: 'ok' },
    ]);
  });
});
