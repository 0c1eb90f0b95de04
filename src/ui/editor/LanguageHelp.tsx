// The editor's Help: the text form's syntax reference (languageReference.ts, the same
// data as README.md's section and the keyword hovers) in a modal dialog with a filter.
// Keyboard: the filter has focus on open, Escape closes, focus returns to the ? button.
import { useMemo, useState } from 'react';
import { Dialog } from '../shared/Dialog.tsx';
import { LANGUAGE_REFERENCE, REFERENCE_CONTEXT } from './languageReference.ts';
import './languageHelp.css';

export function LanguageHelpButton() {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button
        type="button"
        className="button language-help__open"
        aria-haspopup="dialog"
        aria-label="Language reference"
        title="Language reference: every keyword with an example"
        onClick={() => setOpen(true)}
      >
        ?
      </button>
      <LanguageHelpDialog open={open} onClose={() => setOpen(false)} />
    </>
  );
}

export function LanguageHelpDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const [filter, setFilter] = useState('');
  const sections = useMemo(() => {
    const words = filter.trim().toLowerCase().split(/\s+/).filter(Boolean);
    const matches = (text: string) => words.every((w) => text.toLowerCase().includes(w));
    return LANGUAGE_REFERENCE.map((section) => ({
      ...section,
      entries: section.entries.filter((e) => matches(`${section.title} ${e.keywords.join(' ')} ${e.syntax} ${e.summary} ${e.example}`)),
    })).filter((section) => section.entries.length > 0);
  }, [filter]);

  return (
    <Dialog open={open} title="Language reference" onClose={onClose}>
      <label className="field">
        <span className="field__label">Find a keyword</span>
        <input
          className="field__input"
          type="text"
          data-autofocus
          value={filter}
          onChange={(event) => setFilter(event.target.value)}
          aria-controls="language-help-list"
        />
      </label>
      <div id="language-help-list" className="language-help" aria-live="polite">
        {sections.length === 0 && <p className="language-help__none">Nothing matches “{filter}”.</p>}
        {sections.map((section) => (
          <section key={section.id} aria-labelledby={`language-help-${section.id}`}>
            <h3 id={`language-help-${section.id}`} className="language-help__title">
              {section.title}
            </h3>
            <p className="language-help__intro">
              <CodeSpans text={section.intro} />
            </p>
            <dl className="language-help__entries">
              {section.entries.map((entry) => (
                <div key={entry.syntax} className="language-help__entry" data-testid="language-help-entry">
                  <dt>
                    <code>{entry.syntax}</code>
                  </dt>
                  <dd>
                    <CodeSpans text={entry.summary} />
                    <pre className="language-help__example">
                      <code>{entry.example}</code>
                    </pre>
                  </dd>
                </div>
              ))}
            </dl>
          </section>
        ))}
        <details className="language-help__context">
          <summary>The model the examples are lines of</summary>
          <pre className="language-help__example">
            <code>{REFERENCE_CONTEXT}</code>
          </pre>
        </details>
      </div>
    </Dialog>
  );
}

/** The reference's text with its `code` spans (written for the README's Markdown) shown as code. */
function CodeSpans({ text }: { text: string }) {
  // Split on backticks: odd parts were inside a pair.
  return text.split('`').map((part, i) => (i % 2 === 1 ? <code key={i}>{part}</code> : part));
}
