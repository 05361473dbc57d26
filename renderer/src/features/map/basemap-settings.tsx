import FormControl from '@mui/material/FormControl';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormLabel from '@mui/material/FormLabel';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { useState } from 'react';
import { isTileUrl } from './basemap';
import { basemapKinds, saveMapSettings, useMapSettings, type BasemapKind } from './map-settings';

const labels: Record<BasemapKind, string> = {
  shapes: 'Offline shapes (Natural Earth)',
  street: 'Offline street file (from the console)',
  online: 'Online tiles',
};

/** The bundled shapes, the organisation's street file or online tiles, for this workstation only. */
export function BasemapSettings() {
  const settings = useMapSettings();
  // Saved on leaving the field, so a half-typed address never becomes a tile layer.
  const [url, setUrl] = useState(settings.tileUrl);
  const [attribution, setAttribution] = useState(settings.attribution);
  const urlValid = isTileUrl(url);
  return (
    <Stack spacing={1} component="section" aria-label="Basemap settings">
      <FormControl>
        <FormLabel id="basemap-label">Basemap (this workstation)</FormLabel>
        <RadioGroup
          aria-labelledby="basemap-label"
          value={settings.basemap}
          onChange={(e) => saveMapSettings({ basemap: e.target.value as BasemapKind })}
        >
          {basemapKinds.map((kind) => (
            <FormControlLabel key={kind} value={kind} control={<Radio size="small" />} label={labels[kind]} />
          ))}
        </RadioGroup>
      </FormControl>
      {settings.basemap === 'online' && (
        <>
          <TextField
            label="Tile address"
            value={url}
            onChange={(e) => setUrl(e.target.value)}
            onBlur={() => urlValid && saveMapSettings({ tileUrl: url })}
            error={!urlValid}
            helperText={urlValid ? 'With {z}, {x} and {y}' : 'An http(s) address with {z}, {x} and {y}'}
          />
          <TextField
            label="Attribution"
            value={attribution}
            onChange={(e) => setAttribution(e.target.value)}
            onBlur={() => saveMapSettings({ attribution })}
            helperText="Shown on the map, as the tile provider requires"
          />
        </>
      )}
    </Stack>
  );
}
