import 'fake-indexeddb/auto';
import { registerAllGuides } from '@/utils/fandoms/all-guides';

// Pure code is tested with every episode guide at hand, as extension pages have them (a page loads them on demand).
registerAllGuides();
