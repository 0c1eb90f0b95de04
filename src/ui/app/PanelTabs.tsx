// The panels beside the editor as tabs (WAI-ARIA tabs: arrow keys move between
// them). Only the shown panel is mounted; the heavy ones (items grid, Run)
// load when first shown.
import { lazy, Suspense, useRef, type ReactNode } from 'react';
import { useActivePanel, useUiActions } from '../../store/selectors.ts';
import { PANEL_IDS, type PanelId } from '../../store/types.ts';
import { CodePanel } from '../code/CodePanel.tsx';
import { DesignPanel } from '../design/DesignPanel.tsx';
import { PatternsPanel } from '../patterns/PatternsPanel.tsx';
import { WritesPanel } from '../writes/WritesPanel.tsx';
import { tabKeyTarget } from '../shared/tabKeys.ts';
import { StaleBanner } from './StaleBanner.tsx';

// The items grid brings TanStack Table and Virtual; the Run panel the AWS SDK; the Cost panel its charts and editors.
const ItemsPanel = lazy(() => import('../items/ItemsPanel.tsx').then((m) => ({ default: m.ItemsPanel })));
const RunPanel = lazy(() => import('../run/RunPanel.tsx').then((m) => ({ default: m.RunPanel })));
const CostPanel = lazy(() => import('../cost/CostPanel.tsx').then((m) => ({ default: m.CostPanel })));
const ChangesPanel = lazy(() => import('../changes/ChangesPanel.tsx').then((m) => ({ default: m.ChangesPanel })));

const LABELS: Record<PanelId, string> = {
  design: 'Design',
  items: 'Items',
  patterns: 'Patterns',
  writes: 'Writes',
  cost: 'Cost',
  code: 'Code',
  changes: 'Changes',
  run: 'Run',
};

export function PanelTabs({ dark }: { dark: boolean }) {
  const active = useActivePanel();
  const { setActivePanel } = useUiActions();
  const tabs = useRef<Partial<Record<PanelId, HTMLButtonElement | null>>>({});

  const onKey = (event: React.KeyboardEvent) => {
    const to = tabKeyTarget(event.key, PANEL_IDS.indexOf(active), PANEL_IDS.length);
    if (to === undefined) return;
    event.preventDefault();
    const id = PANEL_IDS[to] ?? 'design';
    setActivePanel(id);
    tabs.current[id]?.focus();
  };

  let panel: ReactNode;
  switch (active) {
    case 'design':
      panel = <DesignPanel />;
      break;
    case 'items':
      panel = (
        <Suspense fallback={<p className="empty">Loading the items…</p>}>
          <ItemsPanel />
        </Suspense>
      );
      break;
    case 'patterns':
      panel = <PatternsPanel />;
      break;
    case 'writes':
      panel = <WritesPanel />;
      break;
    case 'cost':
      panel = (
        <Suspense fallback={<p className="empty">Loading the Cost panel…</p>}>
          <CostPanel />
        </Suspense>
      );
      break;
    case 'code':
      panel = <CodePanel dark={dark} />;
      break;
    case 'changes':
      panel = (
        <Suspense fallback={<p className="empty">Loading the Changes view…</p>}>
          <ChangesPanel />
        </Suspense>
      );
      break;
    case 'run':
      panel = (
        <Suspense fallback={<p className="empty">Loading the Run panel…</p>}>
          <RunPanel />
        </Suspense>
      );
      break;
  }

  return (
    <section className="panels" aria-label="Views">
      <div className="tabs" role="tablist" aria-label="Views" onKeyDown={onKey}>
        {PANEL_IDS.map((id) => (
          <button
            key={id}
            ref={(el) => {
              tabs.current[id] = el;
            }}
            type="button"
            role="tab"
            id={`tab-${id}`}
            className="tab"
            aria-selected={active === id}
            aria-controls={`panel-${id}`}
            tabIndex={active === id ? 0 : -1}
            onClick={() => setActivePanel(id)}
          >
            {LABELS[id]}
          </button>
        ))}
      </div>
      <StaleBanner />
      <div className="panel" role="tabpanel" id={`panel-${active}`} aria-labelledby={`tab-${active}`}>
        {panel}
      </div>
    </section>
  );
}
