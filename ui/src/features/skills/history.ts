// Skill history: a shared time axis for the sparklines and the movement per assessor role.
import type { AssessorRole } from '../../lib/bindings/AssessorRole';
import type { HistoryPoint } from '../../lib/bindings/HistoryPoint';
import type { SkillHistory } from '../../lib/bindings/SkillHistory';

/** Days since 1970-01-01 for a YYYY-MM-DD date (calendar days; no time zone). */
export function dayNumber(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number);
  return Date.UTC(y, (m || 1) - 1, d || 1) / 86_400_000;
}

export interface TimeDomain {
  first: number;
  last: number;
}

/** First and last assessment day over every skill (so all sparklines share one axis). */
export function historyDomain(histories: SkillHistory[]): TimeDomain | null {
  let first = Infinity;
  let last = -Infinity;
  for (const h of histories) {
    for (const p of h.points) {
      const d = dayNumber(p.assessed_on);
      if (d < first) first = d;
      if (d > last) last = d;
    }
  }
  return Number.isFinite(first) ? { first, last } : null;
}

/** x of a date between x0 and x1; a one-day domain puts everything in the middle. */
export function timeX(iso: string, domain: TimeDomain, x0: number, x1: number): number {
  const span = domain.last - domain.first;
  if (span <= 0) return (x0 + x1) / 2;
  return x0 + ((dayNumber(iso) - domain.first) / span) * (x1 - x0);
}

/** y of a level 1–5 between the bottom (level 1) and the top (level 5). */
export function levelY(level: number, top: number, bottom: number): number {
  return bottom - ((Math.max(1, Math.min(5, level)) - 1) / 4) * (bottom - top);
}

export interface Movement {
  role: AssessorRole;
  first: number;
  latest: number;
  /** latest − first */
  delta: number;
  count: number;
}

/** Line colour and dash of each assessor role (Okabe–Ito colours; markers differ too). */
export const ROLE_STYLE: Record<AssessorRole, { color: string; dash: string }> = {
  manager: { color: '#0072b2', dash: '' },
  self: { color: '#d55e00', dash: '' },
  peer: { color: '#009e73', dash: '4 3' },
  mentor: { color: '#cc79a7', dash: '1 3' },
};

const ROLE_ORDER: AssessorRole[] = ['manager', 'self', 'peer', 'mentor'];

/** For each assessor role that rated the skill: first and latest level (points oldest first). */
export function movements(points: HistoryPoint[]): Movement[] {
  const out: Movement[] = [];
  for (const role of ROLE_ORDER) {
    const mine = points.filter((p) => p.assessor_role === role);
    if (mine.length === 0) continue;
    const first = mine[0].level;
    const latest = mine[mine.length - 1].level;
    out.push({ role, first, latest, delta: latest - first, count: mine.length });
  }
  return out;
}

/** Points of one role, for a line through them. */
export function pointsOf(points: HistoryPoint[], role: AssessorRole): HistoryPoint[] {
  return points.filter((p) => p.assessor_role === role);
}
