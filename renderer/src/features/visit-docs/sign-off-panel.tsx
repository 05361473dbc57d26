import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import Chip from '@mui/material/Chip';
import FormControlLabel from '@mui/material/FormControlLabel';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useRef, useState } from 'react';
import type { SignOffDto, SignOffKind } from '../../../../shared/domain/sign-off';
import type { VisitDto } from '../../../../shared/domain/visit';
import { formatDateTime } from '../../components/format-time';
import { ApiCallError, call } from '../../transport/client';
import { useApiQuery } from '../../transport/queries';
import { SignatureField, type SignatureHandle } from './signature-field';

function SignOffSummary({ signOff, all }: { signOff: SignOffDto; all: SignOffDto[] }) {
  const successor = all.find((s) => s.id === signOff.supersededById);
  return (
    <Stack spacing={0.5}>
      {signOff.kind === 'signed' ? (
        <>
          <Typography variant="body2">
            Signed by <strong>{signOff.signerName}</strong> ({signOff.signerRole}) on {formatDateTime(signOff.signedAt)}
          </Typography>
          {signOff.signaturePngBase64 && (
            <Box
              component="img"
              src={`data:image/png;base64,${signOff.signaturePngBase64}`}
              alt={`Signature of ${signOff.signerName ?? 'the client'}`}
              sx={{ maxWidth: 280, maxHeight: 90, border: 1, borderColor: 'divider', borderRadius: 1, bgcolor: '#fff' }}
            />
          )}
          <Box>
            <Chip
              size="small"
              color={signOff.resolutionConfirmed ? 'success' : 'default'}
              label={
                signOff.resolutionConfirmed
                  ? 'Client confirmed the problem is resolved'
                  : 'Resolution not confirmed by the client'
              }
            />
          </Box>
        </>
      ) : (
        <Typography variant="body2">
          <strong>Sign-off not required:</strong> {signOff.notRequiredReason}
        </Typography>
      )}
      <Typography variant="caption" color="text.secondary">
        Recorded by {signOff.recordedBy.displayName} on {formatDateTime(signOff.recordedAt)}
        {signOff.supersedeReason && ` · replaced the earlier one because: ${signOff.supersedeReason}`}
        {successor && ` · superseded on ${formatDateTime(successor.recordedAt)} by ${successor.recordedBy.displayName}`}
      </Typography>
    </Stack>
  );
}

interface FormErrors {
  [field: string]: string | undefined;
}

function SignOffForm({
  visit,
  supersedes,
  onDone,
  onCancel,
}: {
  visit: VisitDto;
  supersedes: SignOffDto | null;
  onDone: () => void;
  onCancel: (() => void) | null;
}) {
  const [kind, setKind] = useState<SignOffKind>('signed');
  const [signerName, setSignerName] = useState('');
  const [signerRole, setSignerRole] = useState('');
  const [resolved, setResolved] = useState(false);
  const [reason, setReason] = useState('');
  const [supersedeReason, setSupersedeReason] = useState('');
  const [errors, setErrors] = useState<FormErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const signature = useRef<SignatureHandle | null>(null);
  const onSignatureChange = useCallback(
    (empty: boolean) => setErrors((e) => ({ ...e, signaturePngBase64: empty ? e.signaturePngBase64 : undefined })),
    [],
  );

  async function save() {
    const found: FormErrors = {};
    if (kind === 'signed') {
      if (!signerName.trim()) found.signerName = 'Who signs?';
      if (!signerRole.trim()) found.signerRole = 'Their role at the client';
      if (!signature.current || signature.current.isEmpty())
        found.signaturePngBase64 = 'Ask the client to sign in the box';
    } else if (!reason.trim()) found.reason = 'Say why no signature is needed';
    if (supersedes && !supersedeReason.trim()) found.supersedeReason = 'Say why the sign-off is replaced';
    setErrors(found);
    if (Object.values(found).some(Boolean)) return;

    const replacing = supersedes ? { supersedesId: supersedes.id, supersedeReason } : {};
    setSaving(true);
    setFailure(null);
    try {
      await call(
        'signOffs.record',
        kind === 'signed'
          ? {
              visitId: visit.id,
              kind,
              signerName,
              signerRole,
              signaturePngBase64: signature.current?.toPngBase64() ?? '',
              resolutionConfirmed: resolved,
              ...replacing,
            }
          : { visitId: visit.id, kind, reason, ...replacing },
      );
      onDone();
    } catch (error) {
      if (error instanceof ApiCallError) {
        setErrors(Object.fromEntries((error.error.issues ?? []).map((i) => [String(i.path[0]), i.message])));
        setFailure(error.error.message);
      } else setFailure('The sign-off could not be saved; try again.');
    } finally {
      setSaving(false);
    }
  }

  return (
    <Stack spacing={1.5} component="form" aria-label="Record the sign-off" onSubmit={(e) => e.preventDefault()}>
      <RadioGroup row value={kind} onChange={(e) => setKind(e.target.value as SignOffKind)}>
        <FormControlLabel value="signed" control={<Radio size="small" />} label="Client signs" />
        <FormControlLabel value="not_required" control={<Radio size="small" />} label="Sign-off not required" />
      </RadioGroup>
      {kind === 'signed' ? (
        <>
          <Stack direction="row" spacing={1}>
            <TextField
              size="small"
              label="Signer's name"
              value={signerName}
              onChange={(e) => setSignerName(e.target.value)}
              error={Boolean(errors.signerName)}
              helperText={errors.signerName}
              fullWidth
            />
            <TextField
              size="small"
              label="Role at the client"
              placeholder="e.g. Office manager"
              value={signerRole}
              onChange={(e) => setSignerRole(e.target.value)}
              error={Boolean(errors.signerRole)}
              helperText={errors.signerRole}
              fullWidth
            />
          </Stack>
          <SignatureField handle={signature} onChange={onSignatureChange} error={errors.signaturePngBase64} />
          <FormControlLabel
            control={<Checkbox size="small" checked={resolved} onChange={(e) => setResolved(e.target.checked)} />}
            label="Client confirms the problem is resolved"
          />
        </>
      ) : (
        <TextField
          size="small"
          label="Why no signature is needed"
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          error={Boolean(errors.reason)}
          helperText={errors.reason}
          multiline
          minRows={2}
        />
      )}
      {supersedes && (
        <TextField
          size="small"
          label="Why the current sign-off is replaced"
          value={supersedeReason}
          onChange={(e) => setSupersedeReason(e.target.value)}
          error={Boolean(errors.supersedeReason)}
          helperText={errors.supersedeReason ?? 'Both are kept; the earlier one is marked as superseded.'}
        />
      )}
      {failure && <Alert severity="error">{failure}</Alert>}
      <Stack direction="row" spacing={1}>
        <Button variant="contained" size="small" onClick={() => void save()} disabled={saving}>
          {supersedes ? 'Save new sign-off' : 'Save sign-off'}
        </Button>
        {onCancel && (
          <Button size="small" onClick={onCancel}>
            Cancel
          </Button>
        )}
      </Stack>
    </Stack>
  );
}

/**
 * The client's sign-off of one visit: the current one, a form to record or supersede it, and
 * history. `canRecord` comes from the documentation rule (role, crew, visit and ticket status).
 */
export function SignOffPanel({ visit, canRecord }: { visit: VisitDto; canRecord: boolean }) {
  const list = useApiQuery('signOffs.list', { ticketId: visit.ticketId });
  const queryClient = useQueryClient();
  const [superseding, setSuperseding] = useState(false);
  const mine = (list.data ?? []).filter((s) => s.visit.id === visit.id);
  const current = mine.find((s) => s.current) ?? null;
  const earlier = mine.filter((s) => !s.current);
  const done = () => {
    setSuperseding(false);
    void queryClient.invalidateQueries({ queryKey: ['signOffs.list'] });
  };

  return (
    <Box
      component="section"
      aria-label="Client sign-off"
      sx={{ border: 1, borderColor: 'divider', borderRadius: 1, p: 1.5 }}
    >
      <Stack direction="row" sx={{ alignItems: 'center', mb: 1 }}>
        <Typography variant="subtitle2" sx={{ flex: 1 }}>
          Client sign-off
        </Typography>
        {current && canRecord && !superseding && (
          <Button size="small" onClick={() => setSuperseding(true)}>
            Supersede
          </Button>
        )}
      </Stack>
      {list.isError && <Alert severity="error">{list.error.message}</Alert>}
      {current && (
        <Box role="group" aria-label="Current sign-off">
          <SignOffSummary signOff={current} all={mine} />
        </Box>
      )}
      {list.data && !current && !canRecord && (
        <Typography variant="body2" color="text.secondary">
          {visit.status === 'cancelled' ? 'The visit was cancelled.' : 'Not signed off yet.'}
        </Typography>
      )}
      {list.data && canRecord && (!current || superseding) && (
        <Box sx={{ mt: current ? 2 : 0 }}>
          <SignOffForm
            key={current?.id ?? 'first'}
            visit={visit}
            supersedes={superseding ? current : null}
            onDone={done}
            onCancel={superseding ? () => setSuperseding(false) : null}
          />
        </Box>
      )}
      {earlier.length > 0 && (
        <Stack spacing={1} sx={{ mt: 2 }} role="list" aria-label="Superseded sign-offs">
          <Typography variant="caption" color="text.secondary">
            Superseded
          </Typography>
          {earlier.map((s) => (
            <Box key={s.id} role="listitem" sx={{ opacity: 0.75, borderLeft: 3, borderColor: 'warning.light', pl: 1 }}>
              <Chip size="small" label="Superseded" color="warning" variant="outlined" sx={{ mb: 0.5 }} />
              <SignOffSummary signOff={s} all={mine} />
            </Box>
          ))}
        </Stack>
      )}
    </Box>
  );
}
