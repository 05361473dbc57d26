import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import SignaturePad from 'signature_pad';
import { useEffect, useRef } from 'react';

export interface SignatureHandle {
  isEmpty(): boolean;
  /** The drawing as a PNG, base64 without the data: prefix. */
  toPngBase64(): string;
}

/**
 * A box the client signs in with a finger, pen or mouse (signature_pad). The canvas is sized to
 * the screen's pixel density so the strokes stay sharp; `onChange` reports whether it is empty.
 */
export function SignatureField({
  handle,
  onChange,
  error,
}: {
  handle: { current: SignatureHandle | null };
  onChange: (empty: boolean) => void;
  error?: string | undefined;
}) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const pad = useRef<SignaturePad | null>(null);

  useEffect(() => {
    const element = canvas.current;
    if (!element) return;
    const ratio = Math.max(window.devicePixelRatio || 1, 1);
    element.width = element.offsetWidth * ratio;
    element.height = element.offsetHeight * ratio;
    element.getContext('2d')?.scale(ratio, ratio);
    const signaturePad = new SignaturePad(element, { penColor: '#0d2a6b', minWidth: 0.8, maxWidth: 2.4 });
    signaturePad.addEventListener('endStroke', () => onChange(signaturePad.isEmpty()));
    pad.current = signaturePad;
    handle.current = {
      isEmpty: () => signaturePad.isEmpty(),
      toPngBase64: () => signaturePad.toDataURL('image/png').replace(/^data:image\/png;base64,/, ''),
    };
    return () => {
      signaturePad.off();
      pad.current = null;
      handle.current = null;
    };
    // The pad lives as long as the canvas: the form passes a stable handle and onChange.
  }, []);

  return (
    <Box>
      <Stack direction="row" sx={{ alignItems: 'baseline' }}>
        <Typography variant="caption" color={error ? 'error' : 'text.secondary'} sx={{ flex: 1 }}>
          {error ?? 'Client signature'}
        </Typography>
        <Button
          size="small"
          onClick={() => {
            pad.current?.clear();
            onChange(true);
          }}
        >
          Clear
        </Button>
      </Stack>
      <Box
        component="canvas"
        ref={canvas}
        aria-label="Signature pad"
        sx={{
          display: 'block',
          width: '100%',
          height: 150,
          border: 1,
          borderColor: error ? 'error.main' : 'divider',
          borderRadius: 1,
          bgcolor: '#fff',
          touchAction: 'none',
          cursor: 'crosshair',
        }}
      />
    </Box>
  );
}
