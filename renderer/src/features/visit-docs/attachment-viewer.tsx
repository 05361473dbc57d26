import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import CircularProgress from '@mui/material/CircularProgress';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Typography from '@mui/material/Typography';
import DownloadIcon from '@mui/icons-material/Download';
import {
  attachmentTypeLabels,
  formatBytes,
  thumbnailMimeTypes,
  type AttachmentDto,
} from '../../../../shared/domain/attachment';
import { formatDateTime } from '../../components/format-time';
import { base64ToBlob, saveFile } from './file-upload';
import { useAttachmentUrl } from './use-attachment-url';

/** The full file: a photo the browser can draw is shown; anything else (HEIC, PDF) is saved. */
export function AttachmentViewer({ attachment, onClose }: { attachment: AttachmentDto; onClose: () => void }) {
  const viewable = (thumbnailMimeTypes as readonly string[]).includes(attachment.mimeType);
  const { url, content, error } = useAttachmentUrl(attachment.id, 'original');
  const save = () => {
    if (content) saveFile(base64ToBlob(content.contentBase64, content.mimeType), content.fileName);
  };
  return (
    <Dialog open onClose={onClose} maxWidth="md" fullWidth aria-label={attachment.fileName}>
      <DialogTitle sx={{ pb: 0.5 }}>{attachment.fileName}</DialogTitle>
      <DialogContent>
        <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
          {attachmentTypeLabels[attachment.mimeType]} · {formatBytes(attachment.size)} · added by{' '}
          {attachment.createdBy.displayName} on {formatDateTime(attachment.createdAt)}
        </Typography>
        {attachment.caption && <Typography sx={{ mb: 1 }}>{attachment.caption}</Typography>}
        {error && <Alert severity="error">{error}</Alert>}
        {!url && !error && <CircularProgress size={24} />}
        {url && viewable && (
          <Box
            component="img"
            src={url}
            alt={attachment.caption ?? attachment.fileName}
            sx={{ maxWidth: '100%', maxHeight: '70vh', display: 'block', mx: 'auto' }}
          />
        )}
        {url && !viewable && (
          <Alert severity="info">
            The console cannot show a {attachmentTypeLabels[attachment.mimeType]} here; save it to open it.
          </Alert>
        )}
      </DialogContent>
      <DialogActions>
        <Button startIcon={<DownloadIcon />} onClick={save} disabled={!content}>
          Save file
        </Button>
        <Button onClick={onClose}>Close</Button>
      </DialogActions>
    </Dialog>
  );
}
