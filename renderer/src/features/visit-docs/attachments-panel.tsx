import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import ButtonBase from '@mui/material/ButtonBase';
import CircularProgress from '@mui/material/CircularProgress';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import ImageIcon from '@mui/icons-material/Image';
import PictureAsPdfIcon from '@mui/icons-material/PictureAsPdf';
import UploadFileIcon from '@mui/icons-material/UploadFile';
import { useQueryClient } from '@tanstack/react-query';
import { useRef, useState, type DragEvent } from 'react';
import { attachmentTypeLabels, formatBytes, megabytes, type AttachmentDto } from '../../../../shared/domain/attachment';
import { ApiCallError, call } from '../../transport/client';
import { useApiQuery } from '../../transport/queries';
import { AttachmentViewer } from './attachment-viewer';
import { acceptedFiles, blobToBase64, makeThumbnail } from './file-upload';
import { ReadOnlyNote } from './read-only-note';
import { useAttachmentUrl } from './use-attachment-url';

const TILE = 96;

interface Pending {
  key: number;
  fileName: string;
  /** null while uploading; the outcome in words once done. */
  outcome: { severity: 'error' | 'info'; message: string } | null;
}

function Tile({
  attachment,
  origin,
  onOpen,
}: {
  attachment: AttachmentDto;
  /** Where it came from, in a ticket-wide panel: "Visit Nov 27" or "Ticket". */
  origin: string | null;
  onOpen: () => void;
}) {
  const { url } = useAttachmentUrl(attachment.id, 'thumbnail', attachment.hasThumbnail);
  const Icon = attachment.mimeType === 'application/pdf' ? PictureAsPdfIcon : ImageIcon;
  return (
    <ButtonBase
      onClick={onOpen}
      aria-label={`Open ${attachment.fileName}`}
      title={attachment.caption ? `${attachment.fileName} — ${attachment.caption}` : attachment.fileName}
      sx={{ width: TILE, flexDirection: 'column', alignItems: 'stretch', borderRadius: 1, textAlign: 'left' }}
    >
      <Box
        sx={{
          width: TILE,
          height: TILE,
          borderRadius: 1,
          overflow: 'hidden',
          bgcolor: 'action.hover',
          display: 'flex',
          alignItems: 'center',
          justifyContent: 'center',
        }}
      >
        {attachment.hasThumbnail ? (
          url ? (
            <img src={url} alt={attachment.fileName} style={{ width: '100%', height: '100%', objectFit: 'cover' }} />
          ) : (
            <CircularProgress size={20} />
          )
        ) : (
          <Stack sx={{ alignItems: 'center' }} aria-label={attachmentTypeLabels[attachment.mimeType]}>
            <Icon color={attachment.mimeType === 'application/pdf' ? 'error' : 'action'} sx={{ fontSize: 40 }} />
            <Typography variant="caption" color="text.secondary">
              {attachment.mimeType === 'application/pdf' ? 'PDF' : 'HEIC'}
            </Typography>
          </Stack>
        )}
      </Box>
      <Typography variant="caption" noWrap sx={{ mt: 0.5 }}>
        {attachment.fileName}
      </Typography>
      {origin && (
        <Typography variant="caption" color="text.secondary" noWrap sx={{ fontSize: 11 }}>
          {origin}
        </Typography>
      )}
    </ButtonBase>
  );
}

/**
 * Photos and service forms of one visit, or of a whole ticket (its visits' included): a
 * thumbnail grid, and upload by button or by dropping files on the panel.
 */
export function AttachmentsPanel({
  ticketId,
  visitId,
  canAdd,
  readOnlyReason = null,
  title = 'Photos and forms',
  visitLabels,
}: {
  ticketId: string;
  /** A visit's panel shows and adds that visit's files; null is the ticket as a whole. */
  visitId: string | null;
  canAdd: boolean;
  /** Why nothing can be added here, when the caller's role could otherwise add. */
  readOnlyReason?: string | null;
  title?: string;
  /** In a ticket-wide panel, a short name per visit id, to say where each file came from. */
  visitLabels?: Record<string, string>;
}) {
  const list = useApiQuery('attachments.list', { ticketId });
  const settings = useApiQuery('attachments.settings', {}, { enabled: canAdd });
  const queryClient = useQueryClient();
  const input = useRef<HTMLInputElement>(null);
  const [pending, setPending] = useState<Pending[]>([]);
  const [dragging, setDragging] = useState(false);
  const [open, setOpen] = useState<AttachmentDto | null>(null);
  const nextKey = useRef(0);

  const shown = (list.data ?? []).filter((a) => visitId === null || a.visitId === visitId);
  const maxBytes = megabytes(settings.data?.maxUploadMegabytes ?? 20);

  function settle(key: number, outcome: Pending['outcome']) {
    setPending((all) =>
      outcome === null ? all.filter((p) => p.key !== key) : all.map((p) => (p.key === key ? { ...p, outcome } : p)),
    );
  }

  async function upload(file: File, key: number) {
    // Too large is said before a byte travels; everything else the server decides from the content.
    if (file.size > maxBytes) {
      settle(key, {
        severity: 'error',
        message: `${file.name} is ${formatBytes(file.size)}; files may be at most ${formatBytes(maxBytes)}.`,
      });
      return;
    }
    try {
      const [contentBase64, thumbnailBase64] = await Promise.all([blobToBase64(file), makeThumbnail(file)]);
      const result = await call('attachments.add', {
        ticketId,
        visitId,
        fileName: file.name,
        contentBase64,
        thumbnailBase64,
      });
      await queryClient.invalidateQueries({ queryKey: ['attachments.list'] });
      settle(
        key,
        result.created
          ? null
          : { severity: 'info', message: `${file.name} is already attached as ${result.attachment.fileName}.` },
      );
    } catch (error) {
      const message =
        error instanceof ApiCallError ? error.error.message : 'The file could not be read or sent; try again.';
      settle(key, { severity: 'error', message: `${file.name}: ${message}` });
    }
  }

  async function addFiles(files: FileList | null) {
    if (!files || files.length === 0) return;
    const batch = [...files].map((file) => ({ file, key: ++nextKey.current }));
    setPending((all) => [
      ...all.filter((p) => p.outcome === null),
      ...batch.map(({ file, key }) => ({ key, fileName: file.name, outcome: null })),
    ]);
    // One at a time: each upload holds the whole file in memory twice over.
    for (const { file, key } of batch) await upload(file, key);
  }

  function onDrop(event: DragEvent) {
    event.preventDefault();
    setDragging(false);
    if (canAdd) void addFiles(event.dataTransfer.files);
  }

  return (
    <Box
      component="section"
      aria-label={title}
      onDragOver={(e) => {
        if (!canAdd) return;
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={onDrop}
      sx={{
        border: 1,
        borderStyle: dragging ? 'dashed' : 'solid',
        borderColor: dragging ? 'primary.main' : 'divider',
        borderRadius: 1,
        p: 1.5,
        bgcolor: dragging ? 'action.hover' : undefined,
      }}
    >
      <Stack direction="row" sx={{ alignItems: 'center', mb: 1 }}>
        <Typography variant="subtitle2" sx={{ flex: 1 }}>
          {title}
        </Typography>
        {canAdd && (
          <>
            <Button size="small" startIcon={<UploadFileIcon />} onClick={() => input.current?.click()}>
              Add photo or PDF
            </Button>
            <input
              ref={input}
              type="file"
              multiple
              hidden
              accept={acceptedFiles}
              aria-label={`Files to attach to ${title.toLowerCase()}`}
              onChange={(e) => {
                void addFiles(e.target.files);
                e.target.value = '';
              }}
            />
          </>
        )}
      </Stack>

      {readOnlyReason && !canAdd && (
        <Box sx={{ mb: 1 }}>
          <ReadOnlyNote reason={readOnlyReason} />
        </Box>
      )}
      {list.isError && <Alert severity="error">{list.error.message}</Alert>}
      {shown.length === 0 && pending.length === 0 && list.data && (
        <Typography variant="body2" color="text.secondary">
          Nothing attached yet.
          {canAdd && ` Drop photos (JPEG, PNG, WebP, HEIC) or PDF forms here, up to ${formatBytes(maxBytes)} each.`}
        </Typography>
      )}
      <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 1.5 }} role="list" aria-label="Attachments">
        {shown.map((a) => (
          <Box role="listitem" key={a.id}>
            <Tile
              attachment={a}
              origin={visitLabels ? (a.visitId ? (visitLabels[a.visitId] ?? 'Visit') : 'Whole ticket') : null}
              onOpen={() => setOpen(a)}
            />
          </Box>
        ))}
        {pending
          .filter((p) => p.outcome === null)
          .map((p) => (
            <Stack
              key={p.key}
              role="status"
              aria-label={`Uploading ${p.fileName}`}
              sx={{
                width: TILE,
                height: TILE,
                alignItems: 'center',
                justifyContent: 'center',
                bgcolor: 'action.hover',
              }}
            >
              <CircularProgress size={24} />
              <Typography variant="caption" noWrap sx={{ maxWidth: TILE - 8, mt: 0.5 }}>
                {p.fileName}
              </Typography>
            </Stack>
          ))}
      </Box>
      {pending
        .filter((p) => p.outcome !== null)
        .map((p) => (
          <Alert
            key={p.key}
            severity={p.outcome?.severity}
            sx={{ mt: 1 }}
            onClose={() => setPending((all) => all.filter((x) => x.key !== p.key))}
          >
            {p.outcome?.message}
          </Alert>
        ))}
      {open && <AttachmentViewer attachment={open} onClose={() => setOpen(null)} />}
    </Box>
  );
}
