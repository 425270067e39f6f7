import 'fake-indexeddb/auto';
import { installDomPurify } from '../utils/dompurify';

// Story HTML is sanitised on first read; tests read it as extension pages do, with DOMPurify loaded.
installDomPurify();
