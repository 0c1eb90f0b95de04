// Every access pattern with the request it becomes, its parameters (typed
// inputs, defaults from the sample data) and, for the selected one, the items
// it returns. Selecting a pattern highlights its items in the grid (through
// the store). Renders text only.
import { useAppStore } from '../../store/appStore.ts';
import { useDesign, useItemsView, useModel, usePatternActions, usePatternQuery, useParams } from '../../store/selectors.ts';
import { PatternCard } from './PatternCard.tsx';
import { selectEditedParams } from './selectors.ts';
import './PatternsPanel.css';

export function PatternsPanel() {
  const model = useModel();
  const design = useDesign();
  const allParams = useParams();
  const editedParams = useAppStore(selectEditedParams);
  const query = usePatternQuery();
  const { selectPattern, setParams, resetParams } = usePatternActions();
  const { entityFilter, setGridIndex, setEntityFilter } = useItemsView();

  // Picking a pattern also points the items grid at the index its first request
  // reads, and drops an entity filter that would hide what it returns.
  const pick = (name: string | undefined) => {
    selectPattern(name);
    const plan = name === undefined ? undefined : design?.patterns.find((p) => p.pattern === name);
    if (plan === undefined) return;
    const first = plan.steps[0];
    if (first !== undefined) setGridIndex(first.index);
    if (entityFilter !== undefined && !plan.returnsEntities.includes(entityFilter)) setEntityFilter(undefined);
  };

  if (model === undefined || design === undefined) {
    return (
      <section className="tw-patterns" aria-label="Access patterns">
        <p className="tw-patterns__empty">No access patterns yet: once the model has no errors, its patterns appear here.</p>
      </section>
    );
  }

  return (
    <section className="tw-patterns" aria-label="Access patterns">
      <ul className="tw-patterns__list">
        {model.patterns.map((pattern) => {
          const selected = pattern.name === query.selectedPattern;
          return (
            <li key={pattern.name}>
              <PatternCard
                model={model}
                design={design}
                pattern={pattern}
                params={allParams[pattern.name] ?? EMPTY}
                edited={editedParams.includes(pattern.name)}
                result={selected ? query : undefined}
                onSelect={() => pick(selected ? undefined : pattern.name)}
                onParams={(params) => setParams(pattern.name, params)}
                onReset={() => resetParams(pattern.name)}
              />
            </li>
          );
        })}
      </ul>
    </section>
  );
}

const EMPTY = {};
