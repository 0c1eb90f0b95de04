// A vertical handle between two panes (WAI-ARIA window splitter): drag it, or
// focus it and use the arrow keys, Home and End. The value is a percentage.
import { useRef } from 'react';

export function Splitter({ value, onChange, min, max, label }: { value: number; onChange: (value: number) => void; min: number; max: number; label: string }) {
  const ref = useRef<HTMLDivElement>(null);
  const clamp = (v: number) => Math.round(Math.min(max, Math.max(min, v)));

  return (
    <div
      ref={ref}
      className="splitter"
      role="separator"
      aria-orientation="vertical"
      aria-label={label}
      aria-valuenow={value}
      aria-valuemin={min}
      aria-valuemax={max}
      tabIndex={0}
      onKeyDown={(event) => {
        const step = event.shiftKey ? 10 : 2;
        const next =
          event.key === 'ArrowLeft' ? value - step
          : event.key === 'ArrowRight' ? value + step
          : event.key === 'Home' ? min
          : event.key === 'End' ? max
          : undefined;
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
        const move = (e: PointerEvent) => onChange(clamp(((e.clientX - box.left) / box.width) * 100));
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
