import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import type { BackupStatusDto } from '../../../../shared/domain/backup';
import { formatDateTime } from '../../components/format-time';
import { useApiMutation, useApiQuery } from '../../transport/queries';
import { BackupSettingsPanel } from './backup-settings-panel';
import { ConfirmDialog, type ConfirmRequest } from './confirm-dialog';

function formatSize(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** Admin › Backup: the embedded database's backups and restore; on PostgreSQL, whose job they are. */
export function BackupPage() {
  const status = useApiQuery('backup.status', {});
  return (
    <Stack spacing={2} sx={{ height: '100%', overflow: 'auto' }}>
      <Typography variant="h6" component="h1">
        Backup
      </Typography>
      {status.error && <Alert severity="error">{status.error.message}</Alert>}
      {status.data?.engine === 'postgres' && (
        <Alert severity="info">
          This console keeps its data in a shared PostgreSQL database. Backing it up is the database server&apos;s job:
          use pg_dump on a schedule, and pg_restore to restore (see the admin guide, docs/INSTALL.md). The console makes
          no backups of its own.
        </Alert>
      )}
      {status.data?.engine === 'sqlite' && <EmbeddedBackups status={status.data} />}
    </Stack>
  );
}

function EmbeddedBackups({ status }: { status: BackupStatusDto }) {
  const list = useApiQuery('backup.list', {});
  const run = useApiMutation('backup.run', ['backup.list', 'backup.status']);
  const restore = useApiMutation('backup.restore', ['backup.status']);
  const [confirm, setConfirm] = useState<ConfirmRequest | null>(null);
  const [otherFile, setOtherFile] = useState('');

  const askRestore = (file: string) => {
    restore.reset();
    setConfirm({
      title: 'Restore this backup?',
      body: (
        <>
          <Typography sx={{ mb: 1 }}>{file}</Typography>
          <Typography>
            It replaces the database when the console next starts. Everything recorded after the backup was made will no
            longer be in the console; the database as it is now is kept aside, not deleted.
          </Typography>
        </>
      ),
      confirmLabel: 'Restore at next start',
      danger: true,
      onConfirm: () => restore.mutate({ file }, { onSuccess: () => setConfirm(null) }),
    });
  };

  const last = status.lastScheduled;
  return (
    <>
      {status.pendingRestore && (
        <Alert severity="warning" role="status">
          Restart the console to finish the restore of {status.pendingRestore.from} (staged{' '}
          {formatDateTime(status.pendingRestore.stagedAt)}). Until then it keeps working on the current data.
        </Alert>
      )}
      <Box sx={{ display: 'grid', gridTemplateColumns: 'minmax(0, 2fr) minmax(0, 3fr)', gap: 2, alignItems: 'start' }}>
        <BackupSettingsPanel settings={status.settings} timeZone={status.timeZone} />
        <Paper variant="outlined" sx={{ p: 2 }} aria-label="Backups">
          <Stack direction="row" spacing={2} sx={{ alignItems: 'center', mb: 1 }}>
            <Typography variant="subtitle1" component="h2" sx={{ fontWeight: 600, flex: 1 }}>
              Backups
            </Typography>
            <Button variant="contained" disabled={run.isPending} onClick={() => run.mutate({})}>
              {run.isPending ? 'Backing up…' : 'Back up now'}
            </Button>
          </Stack>
          {run.error && <Alert severity="error">{run.error.message}</Alert>}
          {run.data && (
            <Typography variant="body2" color="success.main" role="status">
              Backed up and checked: {run.data.name}
            </Typography>
          )}
          {last && (
            <Typography variant="body2" color={last.ok ? 'text.secondary' : 'error'} sx={{ mt: 1 }}>
              Last daily backup {formatDateTime(last.at)}: {last.ok ? 'made' : `failed. ${last.message}`}
            </Typography>
          )}
          {list.data?.folderProblem && (
            <Alert severity="info" sx={{ mt: 1 }}>
              {list.data.folderProblem}
            </Alert>
          )}
          {list.data && list.data.backups.length > 0 && (
            <Table size="small" sx={{ mt: 1 }}>
              <TableHead>
                <TableRow>
                  <TableCell>Made</TableCell>
                  <TableCell>File</TableCell>
                  <TableCell align="right">Size</TableCell>
                  <TableCell />
                </TableRow>
              </TableHead>
              <TableBody>
                {list.data.backups.map((b) => (
                  <TableRow key={b.name}>
                    <TableCell>{formatDateTime(b.createdAt)}</TableCell>
                    <TableCell sx={{ wordBreak: 'break-all' }}>{b.name}</TableCell>
                    <TableCell align="right">{formatSize(b.sizeBytes)}</TableCell>
                    <TableCell align="right">
                      <Button size="small" onClick={() => askRestore(b.path)} aria-label={`Restore ${b.name}`}>
                        Restore
                      </Button>
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
          {list.data?.folderProblem === null && list.data.backups.length === 0 && (
            <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
              No backups in the folder yet.
            </Typography>
          )}
          <Stack
            component="form"
            aria-label="Restore another file"
            direction="row"
            spacing={1}
            sx={{ mt: 3, alignItems: 'flex-start' }}
            onSubmit={(e) => {
              e.preventDefault();
              askRestore(otherFile.trim());
            }}
          >
            <TextField
              size="small"
              label="Restore from another file"
              placeholder="Full path of a backup file"
              value={otherFile}
              onChange={(e) => setOtherFile(e.target.value)}
              sx={{ flex: 1 }}
            />
            <Button type="submit" disabled={otherFile.trim() === ''}>
              Restore…
            </Button>
          </Stack>
        </Paper>
      </Box>
      <ConfirmDialog
        request={confirm}
        busy={restore.isPending}
        error={restore.error?.message}
        onCancel={() => setConfirm(null)}
      />
    </>
  );
}
