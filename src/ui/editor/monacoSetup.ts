// The one place Monaco enters the app (with ../code/CodeView.tsx, which imports
// it from here). Loaded lazily: nothing imports this module statically from the
// initial bundle. Sets up workers (bundled by Vite, no CDN), the model
// language, its completion and hover providers, and the two themes.
import * as monaco from 'monaco-editor/editor';
import 'monaco-editor/features/register.all';
import { jsonDefaults } from 'monaco-editor/languages/features/json/register';
import 'monaco-editor/languages/definitions/typescript/register';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import JsonWorker from 'monaco-editor/languages/features/json/json.worker?worker';
import { appStore } from '../../store/appStore.ts';
import { completionsAt, inCommentOrString, type CompletionKind } from './completions.ts';
import { MODEL_LANGUAGE_ID, modelLanguage, modelLanguageConfiguration } from './modelLanguage.ts';
import { modelOutline, type ModelOutline } from './modelOutline.ts';
import { modelHover } from './modelHover.ts';
import { patternHover } from './patternHover.ts';
import { quickFixes } from './quickFixes.ts';

declare global {
  interface Window {
    MonacoEnvironment?: monaco.Environment;
  }
}

window.MonacoEnvironment = {
  getWorker: (_workerId: string, label: string) => (label === 'json' ? new JsonWorker() : new EditorWorker()),
};

// The engine reports JSON errors itself, located and worded like every other error.
jsonDefaults.setDiagnosticsOptions({ validate: false });

monaco.languages.register({ id: MODEL_LANGUAGE_ID, extensions: ['.model'], aliases: ['Tablewright model'] });
monaco.languages.setMonarchTokensProvider(MODEL_LANGUAGE_ID, modelLanguage);
monaco.languages.setLanguageConfiguration(MODEL_LANGUAGE_ID, modelLanguageConfiguration);

/**
 * Past this many characters the outline behind completions and hover is the last one made, made
 * again once typing pauses (OUTLINE_QUIET_MS): its scan of the whole text takes about 0.15 s per
 * million characters, too long for each keystroke. A smaller text is scanned when asked.
 */
export const BIG_TEXT_CHARS = 200_000;
const OUTLINE_QUIET_MS = 750;

let outlineCache: { uri: string; version: number; outline: ModelOutline } | undefined;
let outlineTimer: ReturnType<typeof setTimeout> | undefined;

function outlineOf(model: monaco.editor.ITextModel): ModelOutline {
  const uri = model.uri.toString();
  const version = model.getAlternativeVersionId();
  const cached = outlineCache?.uri === uri ? outlineCache : undefined;
  if (cached?.version === version) return cached.outline;
  const scan = () => {
    outlineCache = { uri, version: model.getAlternativeVersionId(), outline: modelOutline(model.getValue()) };
    return outlineCache.outline;
  };
  if (!cached || model.getValueLength() <= BIG_TEXT_CHARS) return scan();
  if (outlineTimer !== undefined) clearTimeout(outlineTimer);
  outlineTimer = setTimeout(() => {
    outlineTimer = undefined;
    if (!model.isDisposed()) scan();
  }, OUTLINE_QUIET_MS);
  return cached.outline;
}

const KIND: Record<CompletionKind, monaco.languages.CompletionItemKind> = {
  entity: monaco.languages.CompletionItemKind.Class,
  attribute: monaco.languages.CompletionItemKind.Field,
  keyword: monaco.languages.CompletionItemKind.Keyword,
  operator: monaco.languages.CompletionItemKind.Operator,
  type: monaco.languages.CompletionItemKind.TypeParameter,
};

monaco.languages.registerCompletionItemProvider(MODEL_LANGUAGE_ID, {
  triggerCharacters: [' ', ',', '(', ':'],
  provideCompletionItems: (model, position) => {
    const before = model.getValueInRange({
      startLineNumber: position.lineNumber,
      startColumn: 1,
      endLineNumber: position.lineNumber,
      endColumn: position.column,
    });
    if (inCommentOrString(before)) return { suggestions: [] };
    const word = model.getWordUntilPosition(position);
    const range = { startLineNumber: position.lineNumber, endLineNumber: position.lineNumber, startColumn: word.startColumn, endColumn: word.endColumn };
    const suggestions = completionsAt(before, outlineOf(model)).map((c, i) => ({
      label: c.label,
      kind: KIND[c.kind],
      detail: c.detail,
      ...(c.documentation !== undefined ? { documentation: { value: `Example: \`${c.documentation.trim()}\`` } } : {}),
      insertText: c.insertText ?? c.label,
      sortText: String(i).padStart(4, '0'),
      range,
    }));
    return { suggestions };
  },
});

// Keywords, entities and attributes under the pointer (any text, errors or not).
monaco.languages.registerHoverProvider(MODEL_LANGUAGE_ID, {
  provideHover: (model, position) => {
    const hover = modelHover(model.getValue(), position.lineNumber, position.column, outlineOf(model));
    if (!hover) return null;
    return {
      range: { startLineNumber: hover.span.line, startColumn: hover.span.column, endLineNumber: hover.span.endLine, endColumn: hover.span.endColumn },
      contents: [{ value: hover.markdown, isTrusted: false, supportHtml: false }],
    };
  },
});

for (const language of [MODEL_LANGUAGE_ID, 'json']) {
  monaco.languages.registerHoverProvider(language, {
    provideHover: (model, position) => {
      const state = appStore.getState();
      // Only the editor's own model, and only once the source map describes this very text.
      if (model.uri.toString() !== SOURCE_URI.toString() || model.getValue() !== state.source.text || state.analyzing) return null;
      const hover = patternHover({ line: position.lineNumber, text: state.source.text, sourceMap: state.sourceMap, design: state.design, stale: state.stale });
      if (!hover) return null;
      return {
        range: { startLineNumber: hover.span.line, startColumn: hover.span.column, endLineNumber: hover.span.endLine, endColumn: hover.span.endColumn },
        contents: [{ value: hover.markdown, isTrusted: false, supportHtml: false }],
      };
    },
  });
}

// Quick fixes where the message knows the fix (quickFixes.ts), on the editor's own text once its analysis is in.
monaco.languages.registerCodeActionProvider(
  MODEL_LANGUAGE_ID,
  {
    provideCodeActions: (model, range) => {
      const state = appStore.getState();
      if (model.uri.toString() !== SOURCE_URI.toString() || model.getValue() !== state.source.text || state.analyzing) return { actions: [], dispose() {} };
      const actions = quickFixes(state.source.text, state.diagnostics)
        .filter(({ diagnostic }) => diagnostic.span && diagnostic.span.line <= range.endLineNumber && diagnostic.span.endLine >= range.startLineNumber)
        .map((fix): monaco.languages.CodeAction => {
          const { span } = fix.edit;
          return {
            title: fix.title,
            kind: 'quickfix',
            isPreferred: fix.preferred,
            diagnostics: [],
            edit: {
              edits: [
                {
                  resource: model.uri,
                  versionId: model.getVersionId(),
                  textEdit: {
                    range: { startLineNumber: span.line, startColumn: span.column, endLineNumber: span.endLine, endColumn: span.endColumn },
                    text: fix.edit.text,
                  },
                },
              ],
            },
          };
        });
      return { actions, dispose() {} };
    },
  },
  { providedCodeActionKinds: ['quickfix'] },
);

/** The URI of the model the source editor edits (hover and markers apply to it only). */
export const SOURCE_URI = monaco.Uri.parse('inmemory://tablewright/model');

const tokenRules = (dark: boolean): monaco.editor.ITokenThemeRule[] => [
  { token: 'pattern.name', foreground: dark ? 'dcdcaa' : '795e26', fontStyle: 'bold' },
  { token: 'entity.name', foreground: dark ? '4ec9b0' : '267f99' },
  { token: 'type', foreground: dark ? '4fc1ff' : '0070c1' },
  { token: 'keyword', foreground: dark ? 'c586c0' : 'af00db' },
  { token: 'operator', foreground: dark ? 'd4d4d4' : '000000' },
];

monaco.editor.defineTheme('tablewright-light', { base: 'vs', inherit: true, rules: tokenRules(false), colors: {} });
monaco.editor.defineTheme('tablewright-dark', { base: 'vs-dark', inherit: true, rules: tokenRules(true), colors: { 'editor.background': '#15191f' } });

export function monacoTheme(dark: boolean): string {
  return dark ? 'tablewright-dark' : 'tablewright-light';
}

export { monaco };
