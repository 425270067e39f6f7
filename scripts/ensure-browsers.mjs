#!/usr/bin/env node
// The browsers the real-browser tests and the demo drive (Debian's, never a downloaded build).
import { ensurePackages } from './ensure-packages.mjs';

process.exit(ensurePackages(['chromium', 'firefox-esr']) ? 0 : 1);
