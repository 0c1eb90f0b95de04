// The sample items as DynamoDB holds them (as the Writes view's writes left
// them): the table grouped into item collections, or one GSI's view of them; a
// filter by entity, the sample size, the selected pattern's result highlighted,
// and the last write's entries before and after. Reads and writes the store
// through named selectors; the grid itself is ItemsGrid.
import { useId, useMemo } from 'react';
import { indexKeyNames, indexKeyText, MAX_SAMPLE_RECORDS } from '../../engine/index.ts';
import { MAX_SAMPLE_SCALE } from '../../store/analysisSlice.ts';
import {
  useDesign,
  useItemsView,
  useLastWrite,
  usePatternQuery,
  useSampleBudget,
  useSampleControls,
  useSampleItems,
  useSampling,
} from '../../store/selectors.ts';
import { gridColumnNames } from './gridColumnNames.ts';
import { groupItems } from './groupItems.ts';
import { ItemsGrid } from './ItemsGrid.tsx';
import { formatScale, scaleOptions } from './scaleOptions.ts';
import { heldAttributesText, sparseCounts, sparseNote } from './sparseCounts.ts';
import { highlightedRows, tableKey, tableKeys } from './tableKey.ts';
import { WriteMarksToggle } from './WriteMarksToggle.tsx';
import { markedRows, writeMarks, type RowMark } from './writeMarks.ts';
import './ItemsPanel.css';

const numberFormat = new Intl.NumberFormat('en-US');

export function ItemsPanel() {
  const design = useDesign();
  const sampleItems = useSampleItems();
  const lastWrite = useLastWrite();
  // The samples come after the design: until they arrive, the items shown are the last design's.
  const sampling = useSampling();
  const { gridIndex, setGridIndex, entityFilter, setEntityFilter, onlyWriteChanges, setOnlyWriteChanges } = useItemsView();
  const { sampleScale, setSampleScale } = useSampleControls();
  const budget = useSampleBudget();
  const { selectedPattern, resultItems } = usePatternQuery();
  const ids = useId();

  // The index shown: the store's choice, or the table when that index is gone. Each analysis makes a new
  // design; while the index reads the same, the one from before is kept, so the grid is not drawn again for it.
  const index = useSame(design?.indexes.find((i) => i.name === gridIndex) ?? design?.indexes[0]);
  const tableIndex = useSame(design?.indexes[0]);

  // The last write's entries in this view: the old items as rows of their own (before), the new ones marked (after).
  const marks = useMemo(() => writeMarks(lastWrite?.indexes, index?.name ?? '', tableIndex), [lastWrite, index?.name, tableIndex]);
  const marked = marks.before.length + marks.afterMarks.size > 0;
  const items = useMemo(() => {
    if (!marked) return sampleItems;
    if (!onlyWriteChanges || tableIndex === undefined) return [...marks.before, ...sampleItems];
    return [...marks.before, ...sampleItems.filter((item) => marks.afterMarks.has(tableKey(item, tableIndex) ?? ''))];
  }, [marked, marks, sampleItems, onlyWriteChanges, tableIndex]);

  // Keyed on what the grouping reads, not the design object: the lint's findings replace it, the indexes stay.
  const entityAttribute = design?.entityAttribute;
  const grouped = useMemo(
    () =>
      entityAttribute === undefined || index === undefined ? undefined : groupItems({ items, index, entityAttribute, entity: entityFilter, table: tableIndex }),
    [entityAttribute, index, items, entityFilter, tableIndex],
  );
  // The entities the index holds: those keyed in it, and any other whose items have a native index's key attributes.
  const viewEntities = useMemo(() => {
    if (index === undefined) return [];
    const extra = grouped?.entities.filter((e) => !index.entities.includes(e)) ?? [];
    return extra.length === 0 ? index.entities : [...index.entities, ...extra];
  }, [index, grouped]);
  const columns = useSame(
    useMemo(
      () =>
        design === undefined || index === undefined
          ? undefined
          : gridColumnNames({ design, indexName: index.name, entity: entityFilter, entities: viewEntities }),
      [design, index, entityFilter, viewEntities],
    ),
  );
  const keyAttributes = useMemo(() => (index === undefined ? [] : indexKeyNames(index)), [index]);
  const tableKeyAttributes = useMemo(() => (tableIndex === undefined ? [] : indexKeyNames(tableIndex)), [tableIndex]);
  const resultKeys = useMemo(() => (tableIndex === undefined ? new Set<string>() : tableKeys(resultItems, tableIndex)), [resultItems, tableIndex]);
  const rowMarks = useMemo(
    () => (grouped === undefined ? new Map<number, RowMark>() : markedRows(grouped.given, marks, tableIndex)),
    [grouped, marks, tableIndex],
  );
  const highlighted = useMemo(
    () =>
      grouped === undefined || tableIndex === undefined
        ? []
        : highlightedRows(grouped.given, resultKeys, tableIndex).filter((row) => rowMarks.get(row)?.side !== 'before'),
    [grouped, resultKeys, tableIndex, rowMarks],
  );
  const firstMarked = rowMarks.size > 0 ? Math.min(...rowMarks.keys()) : undefined;
  const scrollKey = useMemo(() => ({ resultItems, lastWrite, view: index?.name, entityFilter }), [resultItems, lastWrite, index?.name, entityFilter]);
  const scales = useMemo(() => (design === undefined ? [] : scaleOptions(design.model, sampleScale, MAX_SAMPLE_SCALE)), [design, sampleScale]);
  // Sparse indexes (keyed on an optional attribute): how many of each entity's items they hold.
  const sparse = useMemo(() => (design === undefined ? [] : sparseCounts(design, sampleItems)), [design, sampleItems]);

  if (design === undefined || index === undefined || grouped === undefined || columns === undefined) {
    return (
      <section className="tw-items" aria-label="Items">
        <p className="tw-items__empty">{sampling ? 'Generating sample items…' : 'No items yet: once the model has no errors, its sample items appear here.'}</p>
      </section>
    );
  }

  const viewName = index.kind === 'table' ? 'table' : index.name;
  const entityChoices = viewEntities.includes(entityFilter ?? '') || entityFilter === undefined ? viewEntities : [...viewEntities, entityFilter];
  const shown = grouped.items.length - [...rowMarks.values()].filter((m) => m.side === 'before').length;
  const sparseNames = new Set(sparse.map((c) => c.index));
  const sparseNotes = sparse.filter((c) => c.index === index.name && (entityFilter === undefined || c.entity === entityFilter)).map(sparseNote);

  return (
    <section className="tw-items" aria-label="Items">
      <div className="tw-items__toolbar">
        <label className="tw-items__field" htmlFor={`${ids}-view`}>
          View
        </label>
        <select
          id={`${ids}-view`}
          value={index.name}
          onChange={(e) => setGridIndex(e.target.value)}
          {...(sparseNotes.length > 0 ? { 'aria-describedby': `${ids}-sparse` } : {})}
        >
          {design.indexes.map((i) => (
            <option key={i.name} value={i.name}>
              {i.kind === 'table' ? `Table (${indexKeyText(i)})` : `${i.name} (${indexKeyText(i)})`}
              {sparseNames.has(i.name) ? ', sparse' : ''}
            </option>
          ))}
        </select>

        <label className="tw-items__field" htmlFor={`${ids}-entity`}>
          Entity
        </label>
        <select id={`${ids}-entity`} value={entityFilter ?? ''} onChange={(e) => setEntityFilter(e.target.value === '' ? undefined : e.target.value)}>
          <option value="">All entities</option>
          {entityChoices.map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
        </select>

        <label className="tw-items__field" htmlFor={`${ids}-scale`}>
          Sample size
        </label>
        <select id={`${ids}-scale`} value={String(sampleScale)} onChange={(e) => setSampleScale(Number(e.target.value))}>
          {scales.map((option) => (
            <option key={option.scale} value={String(option.scale)}>
              {formatScale(option.scale)} · {numberFormat.format(option.items)} items
              {option.capped ? ' (capped)' : ''}
            </option>
          ))}
        </select>

        <p className="tw-items__status" role="status">
          {sampling ? <span className="tw-items__busy">Generating… </span> : null}
          <span>
            {numberFormat.format(shown)} {shown === 1 ? 'item' : 'items'} in {numberFormat.format(grouped.partitions)}{' '}
            {grouped.partitions === 1 ? 'partition' : 'partitions'}
          </span>
          {index.kind === 'gsi' && (
            <span className="tw-items__note">
              {' '}
              (of {numberFormat.format(sampleItems.length)}: only items with {heldAttributesText(index)})
            </span>
          )}
          {selectedPattern !== undefined && (
            <span className="tw-items__highlight-count">
              {' '}
              · {highlighted.length} of {resultItems.length} result {resultItems.length === 1 ? 'item' : 'items'} of {selectedPattern} highlighted
            </span>
          )}
        </p>
        {budget?.capped && (
          <p className="tw-items__capped">
            The counts ask for {numberFormat.format(budget.requested)} records: the sample is capped at {numberFormat.format(MAX_SAMPLE_RECORDS)}, each entity
            scaled down alike ({numberFormat.format(budget.records)} made).
          </p>
        )}
        {lastWrite !== undefined && (
          <WriteMarksToggle
            view={viewName}
            entries={marks.before.length + marks.afterMarks.size}
            shown={rowMarks.size}
            only={onlyWriteChanges}
            onOnly={setOnlyWriteChanges}
          />
        )}
        {sparseNotes.length > 0 && (
          <p id={`${ids}-sparse`} className="tw-items__sparse">
            {sparseNotes.map((note) => (
              <span key={note}>{note}. </span>
            ))}
          </p>
        )}
      </div>
      {shown === 0 ? (
        <p className="tw-items__empty">
          No items in {viewName}
          {entityFilter !== undefined ? ` for ${entityFilter}` : ''}.
        </p>
      ) : (
        <ItemsGrid
          label={`Items in ${viewName}`}
          items={grouped.items}
          rows={grouped.rows}
          columns={columns}
          keyAttributes={keyAttributes}
          tableKeyAttributes={tableKeyAttributes}
          highlighted={highlighted}
          marks={rowMarks}
          {...(firstMarked !== undefined ? { scrollTo: firstMarked } : {})}
          scrollKey={scrollKey}
        />
      )}
    </section>
  );
}

/**
 * `value`, or an equal one from an earlier render (equal as JSON: an index, its key schema and the entities
 * it holds; the grid's column names): what the grid is drawn from keeps its identity across analyses.
 */
function useSame<T>(value: T): T {
  const text = value === undefined ? '' : JSON.stringify(value, (name: string, v: unknown) => (name === 'patterns' ? undefined : v));
  // The text stands for the value: a new object that reads the same is not a change.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  return useMemo(() => value, [text]);
}
