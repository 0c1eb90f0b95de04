// The key mode of the user's work (how its design keys GSIs), as it is read back
// from outside (autosave, share links): one of the engine's modes or nothing, and
// whether a layout can be kept in a mode.
import { KEYS_MODES, type DesignLayout, type KeysMode } from '../engine/index.ts';

/** The mode a work has when it states none: autosaves and share links made before the switch. */
export const DEFAULT_KEYS_MODE: KeysMode = 'composite';

export function isKeysMode(value: unknown): value is KeysMode {
  return KEYS_MODES.some((mode) => mode === value);
}

/**
 * True when `layout` is one a derivation in `mode` could have made: a composite derivation never
 * makes a native GSI. (A native one may keep every GSI composite, where no native key fits.)
 */
export function layoutFitsKeysMode(layout: DesignLayout, mode: KeysMode): boolean {
  return mode === 'native' || layout.indexes.every((index) => index.keys !== 'native');
}
