import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import LinearProgress from '@mui/material/LinearProgress';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { RenderedMessageDto } from '../../../../shared/domain/messages';
import { MessageHtmlFrame } from '../outbox/message-html-frame';

const preformatted = {
  m: 0,
  p: 1.5,
  bgcolor: 'grey.50',
  border: 1,
  borderColor: 'divider',
  borderRadius: 1,
  fontFamily: 'monospace',
  fontSize: 13,
  whiteSpace: 'pre-wrap',
  overflowWrap: 'anywhere',
  maxHeight: 260,
  overflow: 'auto',
} as const;

/** The draft as it would be sent for the chosen ticket: subject, plain text and the HTML part. */
export function TemplatePreview({
  rendered,
  error,
  updating,
}: {
  rendered: RenderedMessageDto | undefined;
  error: string | undefined;
  updating: boolean;
}) {
  return (
    <Stack spacing={1.5} component="section" aria-label="Preview">
      <Box sx={{ height: 4 }}>{updating && <LinearProgress aria-label="Updating the preview" />}</Box>
      {error ? (
        <Alert severity="error" role="alert">
          No preview: {error}
        </Alert>
      ) : (
        rendered && (
          <>
            <Box aria-label="Preview subject" role="group">
              <Typography variant="caption" color="text.secondary" component="div">
                Subject
              </Typography>
              <Typography variant="body2" sx={{ fontWeight: 600, overflowWrap: 'anywhere' }}>
                {rendered.subject}
              </Typography>
            </Box>
            <Box role="group" aria-label="Preview text">
              <Typography variant="caption" color="text.secondary" component="div">
                Text
              </Typography>
              <Box component="pre" sx={preformatted}>
                {rendered.text}
              </Box>
            </Box>
            <Box role="group" aria-label="Preview HTML">
              <Typography variant="caption" color="text.secondary" component="div">
                HTML
              </Typography>
              <MessageHtmlFrame html={rendered.html} title={`HTML preview of ${rendered.subject}`} />
            </Box>
          </>
        )
      )}
    </Stack>
  );
}
