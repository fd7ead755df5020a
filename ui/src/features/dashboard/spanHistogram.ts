// The span distribution as bar-chart columns: the core's counts per span,
// laid on a numeric axis from 1 to the largest span (lib/chart spanBins).
import type { SpanBucket } from '../../lib/bindings/SpanBucket';
import { spanBinLabel, spanBins, type Columns } from '../../lib/chart';
import { formatInt } from '../../lib/format';

export const SPAN_AXIS = 'Span (human direct reports)';

export function spanHistogram(dist: readonly SpanBucket[], maxColumns: number): Columns {
  const { width, bins } = spanBins(dist, maxColumns);
  const managers = (n: number) => `${formatInt(n)} ${n === 1 ? 'manager' : 'managers'}`;
  return {
    bars: bins.map((b) => {
      const label = spanBinLabel(b);
      return { label, value: b.managers, title: `Span ${label}: ${managers(b.managers)}` };
    }),
    xLabel: width === 1 ? SPAN_AXIS : `${SPAN_AXIS}, in bins of ${width}`,
  };
}
