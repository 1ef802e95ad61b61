import { useEffect, useState } from 'react';
import { chatFile } from '../../api/chat.js';
import { ApiError, type Caller } from '../../api/client.js';
import { useLang, useT } from '../../i18n/index.js';
import { formatDate } from '../../shared/format.js';
import type { TChatFile } from '../../../../src/contracts/livechat.js';

/** Saves a Blob under a name (a download the browser offers; the page stays where it is). */
export function saveBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

const kb = (n: number) =>
  n < 1024 * 1024 ? `${Math.max(1, Math.round(n / 1024))} KB` : `${(n / 1024 / 1024).toFixed(1)} MB`;

/**
 * A file of a conversation: an image shown (fetched with the caller's credentials, so only the
 * conversation's participants see it), any file downloadable by a real button; a file deleted after
 * the retention period is shown as its name and that fact.
 */
export function ChatFileView({ file, caller, className }: { file: TChatFile; caller: Caller; className?: string }) {
  const t = useT();
  const { lang } = useLang();
  const image = file.mime.startsWith('image/');
  const [url, setUrl] = useState<string | null>(null);
  // true: could not be opened; a text: the server's reason (a file deleted after the retention period)
  const [failed, setFailed] = useState<boolean | string>(false);
  const fail = (e: unknown) => setFailed(e instanceof ApiError && e.status === 410 ? e.message : true);
  const callerKey = caller === 'session' ? 'session' : (caller.chatToken ?? '');
  const purged = !!file.purgedAt;
  useEffect(() => {
    if (!image || purged) return;
    let revoked = false;
    let made: string | null = null;
    chatFile(file.id, callerKey === 'session' ? 'session' : { chatToken: callerKey })
      .then((b) => {
        if (revoked) return;
        made = URL.createObjectURL(b);
        setUrl(made);
      })
      .catch(fail);
    return () => {
      revoked = true;
      if (made) URL.revokeObjectURL(made);
    };
  }, [file.id, image, callerKey, purged]);

  const download = async () => {
    try {
      saveBlob(await chatFile(file.id, caller), file.name);
    } catch (e) {
      fail(e);
    }
  };
  if (purged)
    return (
      <div className={className ?? 'lc-file'} data-testid="chat-file" data-purged="true">
        <p className="lc-file-gone">
          <span aria-hidden="true">🗑 </span>
          {t('live.filePurged', { name: file.name, on: formatDate(file.purgedAt!, lang) })}
        </p>
      </div>
    );
  return (
    <div className={className ?? 'lc-file'} data-testid="chat-file">
      {image && url && <img src={url} alt={t('live.imageAlt', { name: file.name })} className="lc-image" />}
      <button type="button" className="lc-file-btn" onClick={() => void download()}>
        <span aria-hidden="true">{file.mime === 'application/pdf' ? '📄 ' : '🖼 '}</span>
        {t('live.download', { name: file.name })} <span className="lc-size">({kb(file.size)})</span>
      </button>
      {failed && (
        <p className="lc-error" role="alert">
          {typeof failed === 'string' ? failed : t('live.fileFailed')}
        </p>
      )}
    </div>
  );
}
