// The current notice (a file that did not open, a damaged share link, a model
// opened from a link...): errors as an alert, the rest as a status. Text only.
import { useNotice, useNoticeActions } from '../../store/selectors.ts';

export function NoticeBar() {
  const notice = useNotice();
  const { dismissNotice } = useNoticeActions();
  if (!notice) return null;
  return (
    <div className={`notice notice--${notice.kind}`} role={notice.kind === 'error' ? 'alert' : 'status'}>
      <div className="notice__text">
        <p className="notice__title">{notice.title}</p>
        {notice.details.length > 0 && (
          <ul className="notice__details">
            {notice.details.slice(0, 20).map((line, i) => (
              <li key={i}>{line}</li>
            ))}
            {notice.details.length > 20 && <li>…and {notice.details.length - 20} more</li>}
          </ul>
        )}
      </div>
      <button type="button" className="button button--quiet" onClick={dismissNotice} aria-label="Dismiss message">
        ✕
      </button>
    </div>
  );
}
