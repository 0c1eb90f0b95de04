// Named, module-level selectors of the app store, and hooks built on them.
// Panels read the store only through these (objects through useShallow, so a
// panel re-renders only when what it shows changed).
import { useShallow } from 'zustand/react/shallow';
import { useAppStore } from './appStore.ts';
import type { AppState } from './types.ts';
import { sampleItemsOf } from './writesSlice.ts';

export const selectSource = (s: AppState) => s.source;
/** The source's form alone: a panel that shows only the form is not drawn again at every keystroke. */
export const selectSourceFormat = (s: AppState) => s.source.format;
export const selectDiagnostics = (s: AppState) => s.diagnostics;
export const selectSourceMap = (s: AppState) => s.sourceMap;
export const selectModel = (s: AppState) => s.model;
export const selectDesign = (s: AppState) => s.design;
export const selectCarriedFindings = (s: AppState) => s.carriedFindings;
export const selectKeptLayout = (s: AppState) => s.keptLayout;
export const selectDeriveAfresh = (s: AppState) => s.deriveAfresh;
export const selectKeysMode = (s: AppState) => s.keysMode;
export const selectSetKeysMode = (s: AppState) => s.setKeysMode;
export const selectStale = (s: AppState) => s.stale;
export const selectDeployed = (s: AppState) => s.deployed;
export const selectDeployActions = (s: AppState) => ({ markDeployed: s.markDeployed, loadDeployed: s.loadDeployed, unpinDeployed: s.unpinDeployed });
export const selectAnalyzing = (s: AppState) => s.analyzing;
export const selectSampling = (s: AppState) => s.sampling;
/** The design and its samples are in (or the source has errors and no design comes): the page's first work is done. */
export const selectSamplesShown = (s: AppState) => (s.design !== undefined ? !s.sampling : !s.analyzing && s.diagnostics.length > 0);
export const selectRecords = (s: AppState) => s.records;
export const selectItems = (s: AppState) => s.items;
/** The sample items as the writes left them (the generated ones before any write): what the grid shows. */
export const selectSampleItems = sampleItemsOf;
export const selectCode = (s: AppState) => s.code;
export const selectSampleBudget = (s: AppState) => s.sampleBudget;
export const selectSelectedPattern = (s: AppState) => s.selectedPattern;
export const selectParams = (s: AppState) => s.params;
export const selectNotice = (s: AppState) => s.notice;
export const selectTheme = (s: AppState) => s.theme;
export const selectActivePanel = (s: AppState) => s.activePanel;
export const selectModelName = (s: AppState) => s.model?.name;
export const selectErrorCount = (s: AppState) => s.diagnostics.filter((d) => d.severity === 'error').length;

export const selectHistory = (s: AppState) => ({ canUndo: s.canUndo, canRedo: s.canRedo, undo: s.undo, redo: s.redo });
export const selectSourceActions = (s: AppState) => ({ setSource: s.setSource, openSource: s.openSource, setFormat: s.setFormat });
export const selectPatternQuery = (s: AppState) => ({
  selectedPattern: s.selectedPattern,
  params: s.selectedPattern === undefined ? undefined : s.params[s.selectedPattern],
  edited: s.selectedPattern !== undefined && s.editedParams.includes(s.selectedPattern),
  requests: s.requests,
  resultItems: s.resultItems,
  requestError: s.requestError,
});
export const selectPatternActions = (s: AppState) => ({ selectPattern: s.selectPattern, setParams: s.setParams, resetParams: s.resetParams });
export const selectItemsView = (s: AppState) => ({
  gridIndex: s.gridIndex,
  entityFilter: s.entityFilter,
  setGridIndex: s.setGridIndex,
  setEntityFilter: s.setEntityFilter,
  onlyWriteChanges: s.onlyWriteChanges,
  setOnlyWriteChanges: s.setOnlyWriteChanges,
});
export const selectWriteForm = (s: AppState) => ({ writeEntity: s.writeEntity, writeDrafts: s.writeDrafts });
export const selectWriteState = (s: AppState) => ({
  lastWrite: s.lastWrite,
  writing: s.writing,
  writesDropped: s.writesDropped,
  written: s.writeTable !== undefined,
});
export const selectLastWrite = (s: AppState) => s.lastWrite;
export const selectWriteActions = (s: AppState) => ({
  setWriteEntity: s.setWriteEntity,
  setWriteDraft: s.setWriteDraft,
  runWrite: s.runWrite,
  resetSampleData: s.resetSampleData,
});
export const selectSampleControls = (s: AppState) => ({ sampleScale: s.sampleScale, setSampleScale: s.setSampleScale });
export const selectNoticeActions = (s: AppState) => ({ showNotice: s.showNotice, dismissNotice: s.dismissNotice });
export const selectCost = (s: AppState) => ({ report: s.costReport, error: s.costError, costing: s.costing });
export const selectCostSettings = (s: AppState) => ({
  prices: s.prices,
  targetUtilization: s.targetUtilization,
  setPrices: s.setPrices,
  resetPrices: s.resetPrices,
  setTargetUtilization: s.setTargetUtilization,
});
export const selectUiActions = (s: AppState) => ({ setTheme: s.setTheme, setActivePanel: s.setActivePanel });

export const useSource = () => useAppStore(selectSource);
export const useSourceFormat = () => useAppStore(selectSourceFormat);
/** Whether the source's text is `text` (false for undefined): a panel that compares it is drawn again when that flips, not at every keystroke. */
export const useSourceTextIs = (text: string | undefined) => useAppStore((s) => text !== undefined && s.source.text === text);
export const useDiagnostics = () => useAppStore(selectDiagnostics);
export const useSourceMap = () => useAppStore(selectSourceMap);
export const useModel = () => useAppStore(selectModel);
export const useDesign = () => useAppStore(selectDesign);
export const useKeptLayout = () => useAppStore(selectKeptLayout);
export const useDeriveAfresh = () => useAppStore(selectDeriveAfresh);
export const useKeysMode = () => useAppStore(selectKeysMode);
export const useSetKeysMode = () => useAppStore(selectSetKeysMode);
export const useStale = () => useAppStore(selectStale);
export const useCarriedFindings = () => useAppStore(selectCarriedFindings);
export const useDeployed = () => useAppStore(selectDeployed);
export const useAnalyzing = () => useAppStore(selectAnalyzing);
export const useSampling = () => useAppStore(selectSampling);
export const useSamplesShown = () => useAppStore(selectSamplesShown);
export const useRecords = () => useAppStore(selectRecords);
export const useItems = () => useAppStore(selectItems);
export const useSampleItems = () => useAppStore(selectSampleItems);
export const useLastWrite = () => useAppStore(selectLastWrite);
export const useCode = () => useAppStore(selectCode);
export const useSelectedPattern = () => useAppStore(selectSelectedPattern);
export const useParams = () => useAppStore(selectParams);
export const useNotice = () => useAppStore(selectNotice);
export const useTheme = () => useAppStore(selectTheme);
export const useActivePanel = () => useAppStore(selectActivePanel);
export const useModelName = () => useAppStore(selectModelName);
export const useErrorCount = () => useAppStore(selectErrorCount);

export const useHistory = () => useAppStore(useShallow(selectHistory));
export const useSourceActions = () => useAppStore(useShallow(selectSourceActions));
export const usePatternQuery = () => useAppStore(useShallow(selectPatternQuery));
export const usePatternActions = () => useAppStore(useShallow(selectPatternActions));
export const useItemsView = () => useAppStore(useShallow(selectItemsView));
export const useWriteForm = () => useAppStore(useShallow(selectWriteForm));
export const useWriteState = () => useAppStore(useShallow(selectWriteState));
export const useWriteActions = () => useAppStore(useShallow(selectWriteActions));
export const useSampleControls = () => useAppStore(useShallow(selectSampleControls));
export const useSampleBudget = () => useAppStore(selectSampleBudget);
export const useNoticeActions = () => useAppStore(useShallow(selectNoticeActions));
export const useCost = () => useAppStore(useShallow(selectCost));
export const useCostSettings = () => useAppStore(useShallow(selectCostSettings));
export const useUiActions = () => useAppStore(useShallow(selectUiActions));
export const useDeployActions = () => useAppStore(useShallow(selectDeployActions));
