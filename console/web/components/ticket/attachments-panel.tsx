// A ticket's files: each to download (always saved, never opened as a page), and for staff an
// upload with its progress, the size limit said before choosing and a refusal said plainly.
// The upload goes by XMLHttpRequest: fetch cannot report how much of a body has been sent.
import { useState } from 'preact/hooks';
import { routePath } from '../../../../protocol/api/route.js';
import type { AttachmentView } from '../../../../protocol/api/attachments.js';
import { API, call, csrfHeaders } from '../../api.js';
import { formatBytes } from '../../i18n/bytes.js';
import { t } from '../../i18n/index.js';
import { formatRelative } from '../../i18n/time.js';
import { useLoad } from '../../state/load.js';

function upload(ticketId: number, file: File, onProgress: (share: number) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('POST', routePath(API.attachments.upload, { id: ticketId }, { name: file.name }));
    for (const [name, value] of Object.entries(csrfHeaders())) request.setRequestHeader(name, value);
    request.setRequestHeader('content-type', file.type || 'application/octet-stream');
    request.upload.onprogress = (event) => event.lengthComputable && onProgress(event.loaded / event.total);
    request.onload = () => {
      if (request.status < 300) return resolve();
      let message = request.statusText;
      try {
        message = (JSON.parse(request.responseText) as { message?: string }).message ?? message;
      } catch {
        // Not JSON (a proxy's page): the status text says enough.
      }
      reject(new Error(message));
    };
    request.onerror = () => reject(new Error(t('error.unreachable')));
    request.send(file);
  });
}

export function AttachmentsPanel(props: { ticketId: number; staff: boolean; version: number }) {
  const { state, reload } = useLoad(
    () => Promise.all([call(API.attachments.list, { params: { id: props.ticketId } }), call(API.attachments.limits)]),
    [props.ticketId, props.version],
  );
  const [progress, setProgress] = useState<{ name: string; share: number } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [files, limits] = state.kind === 'ready' ? state.data : [[] as AttachmentView[], null];
  const choose = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    setError(null);
    if (limits && file.size > limits.maxBytes)
      return setError(t('ticket.fileTooLarge', { name: file.name, limit: formatBytes(limits.maxBytes) }));
    setProgress({ name: file.name, share: 0 });
    try {
      await upload(props.ticketId, file, (share) => setProgress({ name: file.name, share }));
      reload();
    } catch (failure) {
      setError(t('ticket.uploadFailed', { name: file.name, reason: (failure as Error).message }));
    } finally {
      setProgress(null);
    }
  };
  return (
    <div class="attachments">
      {files.length === 0 && <p class="muted">{t('ticket.noFiles')}</p>}
      <ul class="attachment-list">
        {files.map((file) => (
          <li key={file.id}>
            <a href={routePath(API.attachments.download, { id: file.id })} download={file.name}>
              {file.name}
            </a>
            <span class="muted">
              {' '}
              {formatBytes(file.size)} · {file.uploadedBy} · {formatRelative(file.at)}
            </span>
          </li>
        ))}
      </ul>
      {progress && (
        <div class="upload-progress">
          <span>{t('ticket.uploading', { name: progress.name })}</span>
          <progress max={1} value={progress.share} aria-label={t('ticket.uploading', { name: progress.name })} />
        </div>
      )}
      {error && (
        <p class="form-error" role="alert">
          {error}
        </p>
      )}
      {props.staff && (
        <label class="button attach-button">
          {t('ticket.attach')}
          <input
            type="file"
            class="visually-hidden"
            disabled={progress !== null}
            onChange={(event) => void choose(event.currentTarget)}
          />
        </label>
      )}
      {props.staff && limits && (
        <p class="field-hint">{t('ticket.fileLimit', { limit: formatBytes(limits.maxBytes) })}</p>
      )}
    </div>
  );
}
