// A handle between two panes (WAI-ARIA window splitter): drag it, or focus it and
// use the arrow keys, Home and End. The value is a percentage of the parent: of its
// width when the panes sit side by side (vertical handle), of its height when they
// are stacked (horizontal handle, on a narrow screen).
import { useRef } from 'react';

export type SplitterOrientation = 'vertical' | 'horizontal';

export function Splitter({
  value,
  onChange,
  min,
  max,
  label,
  orientation = 'vertical',
}: {
  value: number;
  onChange: (value: number) => void;
  min: number;
  max: number;
  label: string;
  orientation?: SplitterOrientation;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const clamp = (v: number) => Math.round(Math.min(max, Math.max(min, v)));
  const vertical = orientation === 'vertical';

  return (
    <div
      ref={ref}
      className={`splitter splitter--${orientation}`}
      role="separator"
      aria-orientation={orientation}
      aria-label={label}
      aria-valuenow={value}
      aria-valuemin={min}
      aria-valuemax={max}
      tabIndex={0}
      onKeyDown={(event) => {
        const step = event.shiftKey ? 10 : 2;
        const [less, more] = vertical ? ['ArrowLeft', 'ArrowRight'] : ['ArrowUp', 'ArrowDown'];
        const next = event.key === less ? value - step : event.key === more ? value + step : event.key === 'Home' ? min : event.key === 'End' ? max : undefined;
        if (next === undefined) return;
        event.preventDefault();
        onChange(clamp(next));
      }}
      onPointerDown={(event) => {
        const parent = ref.current?.parentElement;
        if (!parent) return;
        event.preventDefault();
        const box = parent.getBoundingClientRect();
        const target = event.currentTarget;
        target.setPointerCapture(event.pointerId);
        const move = (e: PointerEvent) => onChange(clamp(vertical ? ((e.clientX - box.left) / box.width) * 100 : ((e.clientY - box.top) / box.height) * 100));
        const up = () => {
          target.removeEventListener('pointermove', move);
          target.removeEventListener('pointerup', up);
        };
        target.addEventListener('pointermove', move);
        target.addEventListener('pointerup', up);
      }}
    />
  );
}
