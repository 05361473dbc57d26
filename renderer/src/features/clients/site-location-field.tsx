import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import List from '@mui/material/List';
import ListItemButton from '@mui/material/ListItemButton';
import ListItemText from '@mui/material/ListItemText';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { lazy, Suspense, useState } from 'react';
import type { GeocodeResult } from '../../../../shared/domain/geocoder';
import { call } from '../../transport/client';
import { useApiQuery } from '../../transport/queries';
import type { LatLon } from './site-location-map';

const SiteLocationMap = lazy(() => import('./site-location-map'));

/** Six decimals: about 10 cm, finer than any address. */
const coordinateText = (value: number) => value.toFixed(6);

function parsed(latitude: string, longitude: string): LatLon | null {
  const lat = Number(latitude.replace(',', '.'));
  const lon = Number(longitude.replace(',', '.'));
  if (latitude.trim() === '' || longitude.trim() === '' || !Number.isFinite(lat) || !Number.isFinite(lon)) return null;
  return Math.abs(lat) <= 90 && Math.abs(lon) <= 180 ? { latitude: lat, longitude: lon } : null;
}

type FieldProps = { error?: boolean; helperText?: string };

/**
 * Where a site is: typed coordinates, a place the geocoder found for the address (when an admin set
 * one up) and confirmed by the user, or a point picked on a small map. Ranking measures drive time
 * from it, and the map shows the site's tickets there.
 */
export function SiteLocationField({
  address,
  latitude,
  longitude,
  near,
  onChange,
  latitudeField,
  longitudeField,
}: {
  address: string;
  latitude: string;
  longitude: string;
  near: LatLon[];
  onChange: (latitude: string, longitude: string) => void;
  latitudeField: FieldProps;
  longitudeField: FieldProps;
}) {
  const geocoder = useApiQuery('geocoder.settings', {});
  const [found, setFound] = useState<(GeocodeResult & { address: string }) | null>(null);
  const [searching, setSearching] = useState(false);
  const [mapOpen, setMapOpen] = useState(false);
  const point = parsed(latitude, longitude);
  const setPoint = (p: LatLon) => onChange(coordinateText(p.latitude), coordinateText(p.longitude));

  const lookUp = async () => {
    setSearching(true);
    try {
      const result = await call('geocoder.search', { address });
      setFound({ ...result, address });
    } catch (error) {
      setFound({ address, candidates: [], failure: error instanceof Error ? error.message : String(error) });
    } finally {
      setSearching(false);
    }
  };

  return (
    <Stack spacing={1.5} component="fieldset" sx={{ border: 0, p: 0, m: 0 }}>
      <Typography component="legend" variant="subtitle2">
        Location
      </Typography>
      <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 1.5, alignItems: 'flex-start' }}>
        <TextField
          label="Latitude"
          name="latitude"
          value={latitude}
          onChange={(e) => onChange(e.target.value, longitude)}
          {...latitudeField}
          slotProps={{ htmlInput: { inputMode: 'decimal' } }}
          sx={{ width: 170 }}
        />
        <TextField
          label="Longitude"
          name="longitude"
          value={longitude}
          onChange={(e) => onChange(latitude, e.target.value)}
          {...longitudeField}
          slotProps={{ htmlInput: { inputMode: 'decimal' } }}
          sx={{ width: 170 }}
        />
        {geocoder.data?.enabled && (
          <Button
            variant="outlined"
            onClick={() => void lookUp()}
            loading={searching}
            disabled={address.trim().length < 3}
            sx={{ mt: 1 }}
          >
            Find the address
          </Button>
        )}
        <Button variant="outlined" onClick={() => setMapOpen((open) => !open)} sx={{ mt: 1 }} aria-expanded={mapOpen}>
          {mapOpen ? 'Hide the map' : 'Place on the map'}
        </Button>
      </Box>
      {!point && (
        <Typography variant="body2" color="text.secondary">
          No location yet: the site stays off the map, and ranking cannot tell which technician is nearest.
        </Typography>
      )}
      {found && found.failure && <Alert severity="warning">{found.failure}</Alert>}
      {found && !found.failure && found.candidates.length === 0 && (
        <Alert severity="info">
          The geocoder found no place for “{found.address}”. Place the site on the map instead.
        </Alert>
      )}
      {found && found.candidates.length > 0 && (
        <Box>
          <Typography variant="body2" id="geocode-candidates">
            Places found for “{found.address}”: pick the right one.
          </Typography>
          <List dense aria-labelledby="geocode-candidates" sx={{ border: 1, borderColor: 'divider', borderRadius: 1 }}>
            {found.candidates.map((c) => (
              <ListItemButton
                key={`${c.latitude},${c.longitude},${c.label}`}
                onClick={() => {
                  setPoint(c);
                  setFound(null);
                  setMapOpen(true);
                }}
              >
                <ListItemText
                  primary={c.label}
                  secondary={`${coordinateText(c.latitude)}, ${coordinateText(c.longitude)}`}
                />
              </ListItemButton>
            ))}
          </List>
        </Box>
      )}
      {mapOpen && (
        <Suspense fallback={<Typography variant="body2">Loading the map…</Typography>}>
          <SiteLocationMap value={point} near={near} onPick={setPoint} />
          <Typography variant="body2" color="text.secondary">
            Click where the site is, or drag the pin. Streets show with the offline street file or online tiles (the Map
            screen’s basemap setting at this workstation); the offline shapes have coasts and borders only.
          </Typography>
        </Suspense>
      )}
    </Stack>
  );
}
