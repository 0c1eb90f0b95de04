// The platform's modifier key as shortcuts are written to people: ⌘ on Apple devices, Ctrl+ elsewhere.
export const IS_MAC = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);
export const MOD = IS_MAC ? '⌘' : 'Ctrl+';
