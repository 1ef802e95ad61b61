import { useId, useState } from 'react';
import { pick, useLang, useT } from '../../i18n/index.js';
import { ApiError } from '../../api/client.js';
import { RATING_LABELS, RATING_LEVELS, type RatingLevel } from '../../../../src/contracts/enums/bot.js';

/** 好差评 at the end of a live conversation: five levels, an optional comment. */
export function LiveRating({ onRate }: { onRate(level: RatingLevel, comment?: string): Promise<void> }) {
  const t = useT();
  const { lang } = useLang();
  const id = useId();
  const [level, setLevel] = useState<RatingLevel>();
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const send = async () => {
    if (!level) return;
    setBusy(true);
    setError('');
    try {
      await onRate(level, comment.trim() || undefined);
    } catch (e) {
      setError(e instanceof ApiError && e.messages ? pick(e.messages, lang) : t('live.networkError'));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="lc-rating" data-testid="live-rating">
      <p id={`${id}-title`}>{t('live.rateTitle')}</p>
      <div className="bb-levels" role="group" aria-labelledby={`${id}-title`}>
        {RATING_LEVELS.map((l) => (
          <button key={l} type="button" className="bb-level" aria-pressed={level === l} onClick={() => setLevel(l)}>
            {RATING_LABELS[l][lang]}
          </button>
        ))}
      </div>
      {level && (
        <>
          <div className="bb-field">
            <label htmlFor={`${id}-c`}>{t('chat.rateComment')}</label>
            <textarea
              id={`${id}-c`}
              rows={2}
              maxLength={500}
              value={comment}
              onChange={(e) => setComment(e.target.value)}
            />
          </div>
          <button
            type="button"
            className="bb-btn bb-primary"
            disabled={busy}
            onClick={() => void send()}
            data-testid="live-rating-submit"
          >
            {t('chat.rateSubmit')}
          </button>
        </>
      )}
      {error && (
        <p className="pt-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
