import { useEffect, useState } from 'react';
import { chatFile } from '../../api/chat.js';
import type { Caller } from '../../api/client.js';
import { useT } from '../../i18n/index.js';
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
 * conversation's participants see it), any file downloadable by a real button.
 */
export function ChatFileView({ file, caller, className }: { file: TChatFile; caller: Caller; className?: string }) {
  const t = useT();
  const image = file.mime.startsWith('image/');
  const [url, setUrl] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);
  const callerKey = caller === 'session' ? 'session' : (caller.chatToken ?? '');
  useEffect(() => {
    if (!image) return;
    let revoked = false;
    let made: string | null = null;
    chatFile(file.id, callerKey === 'session' ? 'session' : { chatToken: callerKey })
      .then((b) => {
        if (revoked) return;
        made = URL.createObjectURL(b);
        setUrl(made);
      })
      .catch(() => setFailed(true));
    return () => {
      revoked = true;
      if (made) URL.revokeObjectURL(made);
    };
  }, [file.id, image, callerKey]);

  const download = async () => {
    try {
      saveBlob(await chatFile(file.id, caller), file.name);
    } catch {
      setFailed(true);
    }
  };
  return (
    <div className={className ?? 'lc-file'} data-testid="chat-file">
      {image && url && <img src={url} alt={t('live.imageAlt', { name: file.name })} className="lc-image" />}
      <button type="button" className="lc-file-btn" onClick={() => void download()}>
        <span aria-hidden="true">{file.mime === 'application/pdf' ? '📄 ' : '🖼 '}</span>
        {t('live.download', { name: file.name })} <span className="lc-size">({kb(file.size)})</span>
      </button>
      {failed && <p className="lc-error">{t('live.fileFailed')}</p>}
    </div>
  );
}
