import UploadFileIcon from '@mui/icons-material/UploadFile';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { MAX_CSV_CHARS, type PartsImportSummary } from '../../../../shared/domain/parts';
import type { InputIssue } from '../../../../shared/errors';
import { ApiCallError, call } from '../../transport/client';

type Step =
  | { kind: 'pick' }
  | { kind: 'checking'; fileName: string }
  | { kind: 'preview'; fileName: string; csv: string; summary: PartsImportSummary }
  | { kind: 'problems'; fileName: string; message: string; issues: InputIssue[] }
  | { kind: 'importing'; fileName: string; csv: string; summary: PartsImportSummary }
  | { kind: 'done'; summary: PartsImportSummary };

// A file read as text has lost its encoding: File.text() decodes UTF-8 (a BOM is kept as U+FEFF,
// which the server skips). Spreadsheets exporting "CSV UTF-8" write exactly that.
const MAX_FILE_BYTES = MAX_CSV_CHARS * 2;

function counts(s: PartsImportSummary, verb: 'will be' | 'were'): string {
  return `${s.rows} line${s.rows === 1 ? '' : 's'} read: ${s.created} ${verb} created, ${s.updated} ${verb} updated, ${s.unchanged} unchanged.`;
}

/** Pick a CSV, preview what it would change (a dry run on the server), then import it all or nothing. */
export function PartsImportForm({ onClose }: { onClose: () => void }) {
  const [step, setStep] = useState<Step>({ kind: 'pick' });

  async function check(file: File) {
    setStep({ kind: 'checking', fileName: file.name });
    if (file.size > MAX_FILE_BYTES) {
      setStep({ kind: 'problems', fileName: file.name, message: 'The file is too large; split it.', issues: [] });
      return;
    }
    const csv = await file.text();
    try {
      const summary = await call('parts.importCsv', { csv, dryRun: true });
      setStep({ kind: 'preview', fileName: file.name, csv, summary });
    } catch (error) {
      if (!(error instanceof ApiCallError)) throw error;
      setStep({ kind: 'problems', fileName: file.name, message: error.message, issues: error.error.issues ?? [] });
    }
  }

  async function runImport(csv: string, fileName: string, preview: PartsImportSummary) {
    setStep({ kind: 'importing', fileName, csv, summary: preview });
    try {
      setStep({ kind: 'done', summary: await call('parts.importCsv', { csv }) });
    } catch (error) {
      if (!(error instanceof ApiCallError)) throw error;
      setStep({ kind: 'problems', fileName, message: error.message, issues: error.error.issues ?? [] });
    }
  }

  return (
    <Box component="section" aria-label="Import parts from CSV">
      <DialogTitle>Import parts from CSV</DialogTitle>
      <DialogContent>
        <Stack spacing={1.5}>
          <Typography variant="body2" color="text.secondary">
            A header row naming the columns <b>sku</b>, <b>name</b>, <b>unit</b> and optionally <b>active</b> (yes/no),
            in any order; comma or semicolon separated; UTF-8. Parts are matched by SKU regardless of case: new SKUs are
            added, known ones updated. If any line is wrong, nothing is imported.
          </Typography>
          <Button
            component="label"
            variant="outlined"
            startIcon={<UploadFileIcon />}
            sx={{ alignSelf: 'flex-start' }}
            disabled={step.kind === 'checking' || step.kind === 'importing'}
          >
            {step.kind === 'pick' || step.kind === 'done' ? 'Choose a CSV file…' : 'Choose another file…'}
            <input
              type="file"
              accept=".csv,text/csv,text/plain"
              hidden
              aria-label="CSV file"
              onChange={(e) => {
                const file = e.target.files?.[0];
                e.target.value = '';
                if (file) void check(file);
              }}
            />
          </Button>
          {'fileName' in step && (
            <Typography variant="body2">
              File: <b>{step.fileName}</b>
            </Typography>
          )}
          {step.kind === 'checking' && <Alert severity="info">Checking the file…</Alert>}
          {(step.kind === 'preview' || step.kind === 'importing') && (
            <Alert severity="info" role="status" aria-label="Import preview">
              Preview: {counts(step.summary, 'will be')}
            </Alert>
          )}
          {step.kind === 'problems' && (
            <Alert severity="error" aria-label="Import problems">
              <Typography variant="body2" sx={{ fontWeight: 600 }}>
                {step.message}
              </Typography>
              {step.issues.length > 0 && (
                <List dense disablePadding sx={{ maxHeight: 240, overflow: 'auto' }}>
                  {step.issues.slice(0, 200).map((issue) => (
                    <ListItem key={issue.path.join('.')} disableGutters sx={{ py: 0 }}>
                      {issue.message}
                    </ListItem>
                  ))}
                  {step.issues.length > 200 && (
                    <ListItem disableGutters>… and {step.issues.length - 200} more</ListItem>
                  )}
                </List>
              )}
            </Alert>
          )}
          {step.kind === 'done' && (
            <Alert severity="success" role="status">
              Imported. {counts(step.summary, 'were')}
            </Alert>
          )}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{step.kind === 'done' ? 'Close' : 'Cancel'}</Button>
        {(step.kind === 'preview' || step.kind === 'importing') && (
          <Button
            variant="contained"
            loading={step.kind === 'importing'}
            disabled={step.summary.created + step.summary.updated === 0}
            onClick={() => void runImport(step.csv, step.fileName, step.summary)}
          >
            Import {step.summary.created + step.summary.updated} change
            {step.summary.created + step.summary.updated === 1 ? '' : 's'}
          </Button>
        )}
      </DialogActions>
    </Box>
  );
}
