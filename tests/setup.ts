import 'fake-indexeddb/auto';
import { installDomPurify } from '../utils/dompurify';
import { registerAllGuides } from '@/utils/fandoms/all-guides';

// Story HTML is sanitised on first read; tests read it as extension pages do, with DOMPurify loaded.
installDomPurify();
// Pure code is tested with every episode guide at hand, as extension pages have them (a page loads them on demand).
registerAllGuides();
