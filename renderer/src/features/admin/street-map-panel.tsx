import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Paper from '@mui/material/Paper';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useEffect, useState, type SyntheticEvent } from 'react';
import { SettingsSaveRow } from '../../components/settings-save-row';
import { useApiMutation, useApiQuery } from '../../transport/queries';
import { Issues } from './api-issues';

/**
 * The organisation's offline street map: an MBTiles file the console serves to every map, so a
 * desk with no network still sees streets. Dispatchers switch to it on the map, per workstation.
 */
export function StreetMapPanel() {
  const current = useApiQuery('map.streetFile', {});
  const save = useApiMutation('map.saveStreetFile', ['map.streetFile']);
  const [file, setFile] = useState<string | null>(null);
  useEffect(() => {
    if (current.data && file === null) setFile(current.data.file ?? '');
  }, [current.data, file]);
  if (file === null) return null;
  const issues = new Issues(save.error?.error.issues ?? []);
  const submit = (e: SyntheticEvent) => {
    e.preventDefault();
    save.mutate({ file: file.trim() === '' ? null : file.trim() });
  };
  const tiles = current.data?.tiles;
  return (
    <Paper variant="outlined" sx={{ p: 2 }} component="section" aria-label="Offline street map">
      <Typography variant="subtitle1" component="h2" sx={{ fontWeight: 600 }}>
        Offline street map
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
        An MBTiles file of your area (PNG, JPEG or WebP tiles) on the machine that runs the console or on a share it has
        mounted. Every map can then show streets with no network; each workstation chooses it on the map. The admin
        guide says how to make one. Leave empty for none.
      </Typography>
      <Box component="form" onSubmit={submit} noValidate aria-label="Street file">
        <TextField
          label="Street file (full path)"
          name="streetFile"
          value={file}
          onChange={(e) => setFile(e.target.value)}
          error={issues.field('file').error}
          helperText={issues.at('file') ?? 'Such as /srv/maps/city.mbtiles or S:\\Maps\\city.mbtiles'}
          fullWidth
        />
        {current.data?.problem && (
          <Alert severity="warning" sx={{ mt: 1 }}>
            {current.data.problem}
          </Alert>
        )}
        {tiles && (
          <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }} aria-label="Street file in use">
            In use: {tiles.format.toUpperCase()} tiles, zoom {tiles.minZoom} to {tiles.maxZoom}; {tiles.attribution}
          </Typography>
        )}
        <SettingsSaveRow
          error={save.error}
          saving={save.isPending}
          saved={save.isSuccess}
          fieldsMessage="Correct the marked field; nothing was saved."
        />
      </Box>
    </Paper>
  );
}
