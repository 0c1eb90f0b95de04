// Test helper: text crafted to break out of whatever it is printed into (a
// TypeScript comment or string, JSON, Markdown, HTML). Each payload, if it ever
// ran, would set globalThis.PWNED; none may. Every emitter's test feeds these
// through names, descriptions and values.

export const HOSTILE_TEXTS: readonly string[] = [
  'Shop %%RUNTIME%% (globalThis as any).PWNED = 1; /*',
  '*/ (globalThis as any).PWNED = 1; /*',
  '**/ ;(globalThis as any).PWNED = 1; /**',
  '\n(globalThis as any).PWNED = 1;\n//',
  '\r\n;(globalThis as any).PWNED = 1;//',
  '\u2028;(globalThis as any).PWNED = 1;//\u2029',
  "'); (globalThis as any).PWNED = 1; ('",
  '"); (globalThis as any).PWNED = 1; ("',
  '`; (globalThis as any).PWNED = 1; `',
  '${(globalThis as any).PWNED = 1}',
  "\\'; (globalThis as any).PWNED = 1; //",
  '\\\n;(globalThis as any).PWNED = 1;',
  '<script>globalThis.PWNED = 1</script><img src=x onerror="globalThis.PWNED = 1">',
  '[click](javascript:globalThis.PWNED=1) ![x](javascript:globalThis.PWNED=1)',
  '| a | b |\n| --- | --- |\n# PWNED heading',
  '``` ` `` PWNED ``` `',
  'uses range( pair( encNumber( encBoolean( compareUtf8( checkNumber( helpers',
  '\u0000\u0008\u001b[31mPWNED\u007f\ud800',
];

/** The one word every payload carries into code if it escaped. */
export const HOSTILE_MARKER = 'PWNED';
