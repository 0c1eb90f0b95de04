// Selectors this panel needs that src/store/selectors.ts does not have (yet).
import type { AppState } from '../../store/types.ts';

export const selectEditedParams = (s: AppState) => s.editedParams;
