import { installDomPurify } from '../../utils/dompurify';

// Tests that read fixtures with the adapters in Node (to build backups, compare text) read story HTML
// as extension pages do: sanitised on first read, with DOMPurify in the slot (utils/sanitize.ts).
installDomPurify();
