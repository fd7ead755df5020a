import { describe, expect, it } from 'vitest';

import {
  aiUseChange,
  draftsFrom,
  emptyStage,
  feedMessage,
  formProblems,
  ratedCount,
  slowdownChange,
  stageState,
  toAuditInput,
  upperFirst,
  worstLabels,
} from './auditLogic';
import * as core from '../../test/core';

const stages = core.auditScales().stages;
// Ada's audit of 2026-09-07: code review owned by the review agent, strategy by Ada.
const later = core.auditLater();
const owner = (stage: string) => later.stages.find((s) => s.stage === stage)!;

describe('prefill from the latest audit', () => {
  it('carries ratings, owners and next changes over, and leaves unrated stages empty', () => {
    const drafts = draftsFrom(stages, later);
    expect(Object.keys(drafts)).toEqual(['planning', 'strategy', 'prioritization', 'bug_fixing', 'code_generation', 'code_review']);
    expect(drafts.code_review).toEqual({
      slowdown: 4,
      ai_use: 3,
      owner: { id: owner('code_review').owner_id, name: 'Review bot', kind: 'agent' },
      next_change: 'Agent pre-review of every change',
    });
    expect(drafts.strategy.owner).toEqual({ id: owner('strategy').owner_id, name: 'Ada Lovelace', kind: 'human' });
    expect(drafts.prioritization).toEqual(emptyStage());
    expect(stageState(drafts.prioritization)).toBe('not_rated');
    expect(ratedCount(stages, drafts)).toBe(5);
  });

  it('starts every stage empty for a first audit', () => {
    const drafts = draftsFrom(stages, null);
    expect(Object.values(drafts).every((d) => stageState(d) === 'not_rated')).toBe(true);
    expect(ratedCount(stages, drafts)).toBe(0);
  });
});

describe('form → AuditInput', () => {
  it('sends the rated stages in lifecycle order, trimmed, and leaves out the rest', () => {
    const drafts = draftsFrom(stages, null);
    drafts.code_review = { slowdown: 3, ai_use: 1, owner: { id: 31, name: 'Review bot', kind: 'agent' }, next_change: '  Pre-review by agent ' };
    drafts.planning = { slowdown: 0, ai_use: 2, owner: null, next_change: '' };
    expect(toAuditInput({ kind: 'team', id: 3 }, ' 2026-07-14 ', ' Q3 ', stages, drafts)).toEqual({
      scope: { kind: 'team', id: 3 },
      taken_on: '2026-07-14',
      note: 'Q3',
      stages: [
        { stage: 'planning', slowdown: 0, ai_use: 2, owner_id: null, next_change: '' },
        { stage: 'code_review', slowdown: 3, ai_use: 1, owner_id: 31, next_change: 'Pre-review by agent' },
      ],
    });
  });

  it('names each incomplete stage, and asks for one rating when none is given', () => {
    const drafts = draftsFrom(stages, null);
    expect(formProblems(stages, drafts)).toEqual([{ stage: null, message: 'Rate at least one stage.' }]);
    drafts.strategy = { ...emptyStage(), slowdown: 2 };
    drafts.bug_fixing = { ...emptyStage(), ai_use: 1 };
    drafts.code_review = { ...emptyStage(), next_change: 'Pair reviews' };
    expect(formProblems(stages, drafts)).toEqual([
      { stage: 'strategy', message: 'Strategy: choose how much AI is used there, or skip the stage.' },
      { stage: 'bug_fixing', message: 'Bug fixing: choose how much it slows the work, or skip the stage.' },
      { stage: 'code_review', message: 'Code review: rate it to keep its owner and next change, or skip the stage.' },
    ]);
    expect(stageState(drafts.strategy)).toBe('incomplete');
    drafts.strategy.ai_use = 0;
    drafts.bug_fixing = emptyStage();
    drafts.code_review = emptyStage();
    expect(formProblems(stages, drafts)).toEqual([]);
  });
});

describe('change since the previous audit', () => {
  it('says better or worse for slowdown, with the arrow and the earlier value', () => {
    expect(slowdownChange(3, 4)).toEqual({ direction: 'better', arrow: '↓', words: 'better, was 4', previous: 4 });
    expect(slowdownChange(3, 2)).toEqual({ direction: 'worse', arrow: '↑', words: 'worse, was 2', previous: 2 });
    expect(slowdownChange(4, 4)).toEqual({ direction: 'same', arrow: '', words: 'no change', previous: 4 });
    expect(slowdownChange(0, null)).toMatchObject({ direction: 'new', words: 'not rated before' });
  });

  it('says more or less AI for AI use', () => {
    expect(aiUseChange(3, 1)).toEqual({ direction: 'more', arrow: '↑', words: 'more AI, was 1', previous: 1 });
    expect(aiUseChange(0, 2)).toEqual({ direction: 'less', arrow: '↓', words: 'less AI, was 2', previous: 2 });
    expect(aiUseChange(2, 2).direction).toBe('same');
  });
});

describe('reading an audit', () => {
  it('names the worst bottlenecks in order', () => {
    expect(worstLabels(later)).toEqual(['Code review', 'Bug fixing', 'Strategy']);
    expect(worstLabels(core.auditTeam()), 'no stage of the team audit is a bottleneck').toEqual([]);
  });

  it('capitalises a scope name at the start of a heading', () => {
    expect(upperFirst('team Platform')).toBe('Team Platform');
    expect(upperFirst('')).toBe('');
  });

  it('words what feeding a plan did', () => {
    expect(feedMessage(2, 1)).toBe('Added 2 items to the plan (1 was already there).');
    expect(feedMessage(1, 0)).toBe('Added 1 item to the plan.');
    expect(feedMessage(0, 3)).toBe('Added 0 items to the plan (3 were already there).');
  });
});
