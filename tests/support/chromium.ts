// Debian's Chromium, as every browser test and benchmark launches it: never a downloaded browser.
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

// Root in a container needs --no-sandbox; the rest keep Chromium off the (closed) network.
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
  '--disable-quic',
];
