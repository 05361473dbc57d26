import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { SectionPreview, SettingsPreviewDto } from '../../../../shared/domain/settings-transfer';

function itemList(label: string, items: readonly string[]) {
  if (items.length === 0) return null;
  const shown = items.slice(0, 12);
  return (
    <Typography variant="body2">
      <b>{label}:</b> {shown.join(', ')}
      {items.length > shown.length ? ` and ${items.length - shown.length} more` : ''}
    </Typography>
  );
}

function SectionChanges({ section }: { section: SectionPreview }) {
  return (
    <Box component="section" aria-label={section.title}>
      <Typography variant="subtitle2" component="h3" sx={{ fontWeight: 600 }}>
        {section.title}
      </Typography>
      <Stack spacing={0.25} sx={{ pl: 1.5 }}>
        {itemList('Added', section.added)}
        {section.changed.map((c) => (
          <Box key={c.item}>
            {/* A section of settings is one item: its title is already the heading. */}
            {c.item !== section.title && (
              <Typography variant="body2">
                <b>Changed:</b> {c.item}
              </Typography>
            )}
            <Box component="ul" sx={{ my: 0, pl: 3 }}>
              {c.changes.map((change) => (
                <Typography component="li" variant="body2" key={change.field}>
                  {change.field}: {change.before} → {change.after}
                </Typography>
              ))}
            </Box>
          </Box>
        ))}
        {itemList('Unchanged', section.unchanged)}
        {itemList('Stay as they are (not in the file)', section.staying)}
        {section.notes.map((note) => (
          <Typography key={note} variant="body2" color="warning.main">
            {note}
          </Typography>
        ))}
      </Stack>
    </Box>
  );
}

/** What an import would change, in words: the sections that change first, then the rest in one line each. */
export function SettingsTransferPreview({ preview }: { preview: SettingsPreviewDto }) {
  const changing = preview.sections.filter((s) => s.added.length + s.changed.length > 0 || s.notes.length > 0);
  const unchanged = preview.sections.filter((s) => s.inFile && !changing.includes(s));
  const absent = preview.sections.filter((s) => !s.inFile);
  const exported = new Date(preview.exportedAt).toLocaleString();
  return (
    <Stack spacing={1.5} aria-label="Import preview">
      <Alert severity={preview.changeCount > 0 ? 'info' : 'success'} role="status">
        {preview.changeCount > 0
          ? `Importing this file changes ${preview.changeCount} thing${preview.changeCount === 1 ? '' : 's'} here.`
          : 'This console already has every setting in the file: importing changes nothing.'}{' '}
        The file was exported on {exported}.
      </Alert>
      {changing.map((s) => (
        <SectionChanges key={s.section} section={s} />
      ))}
      {unchanged.length > 0 && (
        <Typography variant="body2" color="text.secondary">
          <b>Unchanged:</b> {unchanged.map((s) => s.title).join(', ')}.
        </Typography>
      )}
      {absent.length > 0 && (
        <Typography variant="body2" color="text.secondary">
          <b>Not in the file, so they stay as they are:</b> {absent.map((s) => s.title).join(', ')}.
        </Typography>
      )}
      <Typography variant="body2" color="text.secondary">
        <b>Never in a settings file:</b> {preview.notTransferred.join(' ')}
      </Typography>
    </Stack>
  );
}
