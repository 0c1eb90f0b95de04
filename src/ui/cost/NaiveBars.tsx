// A bar per pattern: this design's read units per call against the naive Scan's, on a log scale
// (they differ by orders of magnitude). The Scan's bars are striped as well as coloured; the
// figures are in the table above. Clicking a pattern's bars selects it.
import { useId } from 'react';
import { times, units, type PatternCost } from '../../engine/index.ts';
import { logScale, logTicks } from './chartScale.ts';

const WIDTH = 640;
const ROW = 26;
const LABEL = 170;
const VALUE = 64;
const TOP = 8;
const AXIS = 34;

export function NaiveBars({ patterns, selected, select }: { patterns: readonly PatternCost[]; selected: string | undefined; select: (name: string) => void }) {
  const ids = useId();
  const stripes = `stripes${ids.replace(/[^A-Za-z0-9]/g, '')}`;
  const values = patterns.flatMap((p) => [p.unitsPerCall.average, p.naive.units]).filter((v) => v > 0);
  if (values.length === 0) return null;
  const ticks = logTicks(Math.min(...values), Math.max(...values));
  const x = logScale([ticks[0] ?? 0.1, ticks[ticks.length - 1] ?? 1], [LABEL, WIDTH - VALUE]);
  const height = TOP + patterns.length * ROW + AXIS;
  const bottom = TOP + patterns.length * ROW;
  return (
    <figure className="tw-cost__bars">
      <figcaption className="tw-cost__muted">
        Read units per call, this design <span className="tw-cost__key tw-cost__key--design" /> against the naive Scan{' '}
        <span className="tw-cost__key tw-cost__key--scan" /> (log scale)
      </figcaption>
      <svg viewBox={`0 0 ${WIDTH} ${height}`} role="img" aria-labelledby={`${ids}-t ${ids}-d`}>
        <title id={`${ids}-t`}>This design against the naive Scan, read units per call, log scale</title>
        <desc id={`${ids}-d`}>
          {patterns.map((p) => `${p.pattern}: ${units(p.unitsPerCall.average)} against ${units(p.naive.units)} (${times(p.naive.ratio)})`).join('; ')}
        </desc>
        <defs>
          <pattern id={stripes} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
            <rect width="6" height="6" className="tw-cost__scan-fill" />
            <line x1="0" y1="0" x2="0" y2="6" className="tw-cost__scan-stripe" />
          </pattern>
        </defs>
        {ticks.map((t) => (
          <g key={t} className="tw-cost__grid">
            <line x1={x(t)} x2={x(t)} y1={TOP} y2={bottom} />
            <text x={x(t)} y={bottom + 14} textAnchor="middle">
              {units(t)}
            </text>
          </g>
        ))}
        <text className="tw-cost__axis-label" x={(LABEL + WIDTH - VALUE) / 2} y={height - 4} textAnchor="middle">
          Read units per call (log scale)
        </text>
        {patterns.map((p, i) => {
          const top = TOP + i * ROW;
          const design = p.unitsPerCall.average;
          return (
            <g
              key={p.pattern}
              className={p.pattern === selected ? 'tw-cost__bar-row tw-cost__bar-row--selected' : 'tw-cost__bar-row'}
              onClick={() => select(p.pattern)}
            >
              <rect className="tw-cost__bar-hit" x={0} y={top} width={WIDTH} height={ROW} />
              <text x={LABEL - 8} y={top + ROW / 2} dy="0.32em" textAnchor="end" className="tw-cost__bar-label">
                {p.pattern}
              </text>
              {design > 0 && <rect className="tw-cost__bar--design" x={LABEL} y={top + 4} width={Math.max(1, x(design) - LABEL)} height={8} />}
              <rect fill={`url(#${stripes})`} className="tw-cost__bar--scan" x={LABEL} y={top + 13} width={Math.max(1, x(p.naive.units) - LABEL)} height={8} />
              <text x={x(p.naive.units) + 4} y={top + 17} dy="0.32em" className="tw-cost__bar-value">
                {times(p.naive.ratio)}
              </text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}
