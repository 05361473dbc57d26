import DownloadIcon from '@mui/icons-material/Download';
import UploadFileIcon from '@mui/icons-material/UploadFile';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { MAX_SETTINGS_FILE_CHARS, type SettingsPreviewDto } from '../../../../shared/domain/settings-transfer';
import type { InputIssue } from '../../../../shared/errors';
import { ApiCallError, call } from '../../transport/client';
import { base64ToBlob, saveFile } from '../visit-docs/file-upload';
import { SettingsTransferPreview } from './settings-transfer-preview';

type Step =
  | { kind: 'closed' }
  | { kind: 'checking'; fileName: string }
  | { kind: 'preview'; fileName: string; file: string; preview: SettingsPreviewDto }
  | { kind: 'applying'; fileName: string; file: string; preview: SettingsPreviewDto }
  | { kind: 'problems'; fileName: string; message: string; issues: InputIssue[] };

/** "sections.workTypes.0.requiredSkills.0.skill: No skill named …", the path inside the file. */
function issueLine(issue: InputIssue): string {
  const inFile = issue.path[0] === 'file' ? issue.path.slice(1) : issue.path;
  return inFile.length > 0 ? `${inFile.join('.')}: ${issue.message}` : issue.message;
}

/**
 * Admin › Settings: the organisation's set-up as one file (Export), and a file from another
 * console brought in (Import): picked, previewed in words, then applied or cancelled.
 */
export function SettingsTransferPanel() {
  const queryClient = useQueryClient();
  const [step, setStep] = useState<Step>({ kind: 'closed' });
  const [exporting, setExporting] = useState(false);
  const [notice, setNotice] = useState<{ severity: 'success' | 'error'; text: string } | null>(null);

  async function exportFile() {
    setExporting(true);
    setNotice(null);
    try {
      const file = await call('settingsTransfer.export', {});
      saveFile(base64ToBlob(file.contentBase64, file.mimeType), file.fileName);
      setNotice({ severity: 'success', text: `Exported as ${file.fileName}.` });
    } catch (error) {
      if (!(error instanceof ApiCallError)) throw error;
      setNotice({ severity: 'error', text: error.message });
    } finally {
      setExporting(false);
    }
  }

  function failed(fileName: string, error: unknown) {
    if (!(error instanceof ApiCallError)) throw error;
    setStep({ kind: 'problems', fileName, message: error.message, issues: error.error.issues ?? [] });
  }

  async function check(picked: File) {
    setNotice(null);
    setStep({ kind: 'checking', fileName: picked.name });
    // UTF-8 takes at most 4 bytes a character: a larger file cannot be within the limit.
    if (picked.size > MAX_SETTINGS_FILE_CHARS * 4) {
      setStep({ kind: 'problems', fileName: picked.name, message: 'The file is too large.', issues: [] });
      return;
    }
    const file = await picked.text();
    try {
      setStep({
        kind: 'preview',
        fileName: picked.name,
        file,
        preview: await call('settingsTransfer.preview', { file }),
      });
    } catch (error) {
      failed(picked.name, error);
    }
  }

  async function apply(fileName: string, file: string, preview: SettingsPreviewDto) {
    setStep({ kind: 'applying', fileName, file, preview });
    try {
      const result = await call('settingsTransfer.import', { file, expectedPreview: preview.fingerprint });
      // Any screen may show a setting the file changed.
      await queryClient.invalidateQueries();
      setStep({ kind: 'closed' });
      setNotice({
        severity: 'success',
        text: `Imported ${fileName}: ${result.changeCount} change${result.changeCount === 1 ? '' : 's'} applied.`,
      });
    } catch (error) {
      failed(fileName, error);
    }
  }

  const open = step.kind !== 'closed';
  return (
    <Paper variant="outlined" component="section" aria-label="Settings transfer" sx={{ p: 2 }}>
      <Typography variant="subtitle1" component="h2" sx={{ fontWeight: 600, mb: 0.5 }}>
        Settings transfer
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1.5 }}>
        The organisation&apos;s set-up as one file: calendar, SLA policy, work types, skills, parts, templates and the
        other settings, to bring to another console. Passwords and secrets are never in it.
      </Typography>
      <Stack direction="row" spacing={1}>
        <Button variant="outlined" startIcon={<DownloadIcon />} loading={exporting} onClick={() => void exportFile()}>
          Export
        </Button>
        <Button component="label" variant="outlined" startIcon={<UploadFileIcon />} disabled={open}>
          Import…
          <input
            type="file"
            accept=".json,application/json"
            hidden
            aria-label="Settings file"
            onChange={(e) => {
              const picked = e.target.files?.[0];
              e.target.value = '';
              if (picked) void check(picked);
            }}
          />
        </Button>
      </Stack>
      {notice && (
        <Alert severity={notice.severity} role="status" sx={{ mt: 1.5 }} onClose={() => setNotice(null)}>
          {notice.text}
        </Alert>
      )}
      <Dialog open={open} onClose={() => setStep({ kind: 'closed' })} maxWidth="md" fullWidth scroll="paper">
        <DialogTitle>Import settings{'fileName' in step ? ` from ${step.fileName}` : ''}</DialogTitle>
        <DialogContent dividers>
          {step.kind === 'checking' && <Alert severity="info">Checking the file…</Alert>}
          {(step.kind === 'preview' || step.kind === 'applying') && <SettingsTransferPreview preview={step.preview} />}
          {step.kind === 'problems' && (
            <Alert severity="error" aria-label="Import problems">
              <Typography variant="body2" sx={{ fontWeight: 600 }}>
                {step.message}
              </Typography>
              <Box component="ul" sx={{ my: 0, pl: 2.5, maxHeight: 240, overflow: 'auto' }}>
                {/* An issue the message already tells in full is not told twice. */}
                {step.issues
                  .filter((issue) => !step.message.includes(issue.message))
                  .slice(0, 50)
                  .map((issue) => (
                    <li key={issue.path.join('.')}>{issueLine(issue)}</li>
                  ))}
              </Box>
              Nothing was changed.
            </Alert>
          )}
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setStep({ kind: 'closed' })} disabled={step.kind === 'applying'}>
            Cancel
          </Button>
          {(step.kind === 'preview' || step.kind === 'applying') && (
            <Button
              variant="contained"
              loading={step.kind === 'applying'}
              disabled={step.preview.changeCount === 0}
              onClick={() => void apply(step.fileName, step.file, step.preview)}
            >
              Apply
            </Button>
          )}
        </DialogActions>
      </Dialog>
    </Paper>
  );
}
