import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { IDBPDatabase } from 'idb';
import type { Settings } from '@/utils/settings';
import type { RatingLevel, StoryStatus } from '@/utils/story';
import { RATING_LABELS, RATING_LEVELS } from '@/utils/metadata/rating';
import { openLibrary, type LibrarySchema } from '@/utils/library/schema';
import type { DeletedStories, LibraryStats, SavedStory } from '@/utils/library/types';
import { allStories, deleteStories, getChapters, newestStories, restoreStories, setShelves } from '@/utils/library/store';
import { searchLibrary, type SearchHit } from '@/utils/library/search';
import { VirtualList } from './VirtualList';
import { LibraryRow } from './LibraryRow';
import { ImportReportView, type ReportLike } from './ImportReportView';
import { backupFileName, downloadFile } from './download';
import { byteSize, fileName, STATUS_LABELS } from './format';
import { cleanShelfName, fandomsIn, hasFilters, NO_FILTERS, shelvesIn, statsOf, visibleStories, type LibraryFilters, type SortKey } from './query';
import { problemSentence } from './problems';
import { pageUpdateDeps, type UpdateDeps } from './check-updates';
import { UpdateChecker } from './UpdateChecker';
import { afterPaint } from '@/components/after-paint';

export type LibraryDb = IDBPDatabase<LibrarySchema>;

export interface LibraryViewProps {
  /** The IndexedDB database to open (tests use their own). */
  dbName?: string;
  /** Where "Open" leads for a story. */
  readerHref?(id: string): string;
  download?(data: Blob, name: string): void;
  /** The settings written into a backup. */
  loadSettings?(): Promise<Settings>;
  /** Stores the settings a backup brings. */
  saveSettings?(settings: Settings): Promise<void>;
  /** Network and parser for "check for updates" (tests pass their own; the page's fetch by default). */
  updateDeps?: UpdateDeps;
  /** Search-as-you-type waits this long after the last key. */
  searchDelay?: number;
  /** Heading level of the view's title: 1 alone (library.html), 2 inside the options page. */
  headingLevel?: 1 | 2;
}

export const ROW_HEIGHT = 148;
/** Stories read first, through the updatedAt index, so the first screen shows before the whole library is read. */
const FIRST_PAGE = 30;
const UNDO_MS = 12_000;

const SORTS: Array<{ value: SortKey; label: string }> = [
  { value: 'updated', label: 'Recently updated' },
  { value: 'saved', label: 'Recently saved' },
  { value: 'title', label: 'Title' },
  { value: 'author', label: 'Author' },
  { value: 'words', label: 'Longest' },
];

interface Toast {
  message: string;
  undo?: DeletedStories;
}

const defaultReaderHref = (id: string) => `read.html?id=${encodeURIComponent(id)}`;

async function defaultLoadSettings(): Promise<Settings> {
  const { loadSettings } = await import('@/utils/settings-store');
  return loadSettings();
}

async function defaultSaveSettings(settings: Settings): Promise<void> {
  const { saveSettings } = await import('@/utils/settings-store');
  await saveSettings(settings);
}

/**
 * The offline library: every saved story, searchable, filterable, sortable,
 * with shelves, bulk delete and undo, exports, and backup. Used by the options
 * page (its first section) and by library.html alone.
 */
export function LibraryView(props: LibraryViewProps) {
  const readerHref = props.readerHref ?? defaultReaderHref;
  const download = props.download ?? downloadFile;
  const searchDelay = props.searchDelay ?? 150;
  const H = props.headingLevel === 1 ? 'h1' : 'h2';
  const subHeading = props.headingLevel === 1 ? 'h2' : 'h3';

  const [db, setDb] = useState<LibraryDb | null>(null);
  const [stories, setStories] = useState<SavedStory[] | null>(null);
  const [stats, setStats] = useState<LibraryStats | null>(null);
  /** `stories` is the whole library (not only its first page). */
  const [complete, setComplete] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [status, setStatus] = useState('');
  const [query, setQuery] = useState('');
  const [hits, setHits] = useState<SearchHit[] | null>(null);
  const [searching, setSearching] = useState(false);
  const [filters, setFilters] = useState<LibraryFilters>(NO_FILTERS);
  const [sort, setSort] = useState<SortKey>('updated');
  const [selected, setSelected] = useState<Set<string>>(() => new Set());
  const [toast, setToast] = useState<Toast | null>(null);
  const [report, setReport] = useState<ReportLike | null>(null);
  const [busy, setBusy] = useState<Record<string, string>>({});
  const [shelfName, setShelfName] = useState('');
  const [updateRun, setUpdateRun] = useState<{ key: number; stories: Array<{ id: string; title: string }> } | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const searchSeq = useRef(0);

  const showAll = useCallback((all: SavedStory[]) => {
    setStories(all);
    setStats(statsOf(all));
    setComplete(true);
  }, []);
  // Every story's metadata (never chapter text); the view sorts and filters it in memory.
  const reload = useCallback(async (database: LibraryDb) => showAll(await allStories(database)), [showAll]);

  // Open the database once; close it when the view goes.
  useEffect(() => {
    let alive = true;
    let opened: LibraryDb | null = null;
    openLibrary(props.dbName)
      .then(async (database) => {
        opened = database;
        if (!alive) return database.close();
        setDb(database);
        // The newest stories first (a few records), then the whole library: at thousands of stories reading every record takes a while.
        const first = await newestStories(database, FIRST_PAGE);
        if (!alive) return;
        if (first.length < FIRST_PAGE) return showAll(first);
        setStories(first);
        // Reading every record lands as one large structured-clone on this thread: after the first entries are painted.
        await new Promise<void>((resolve) => afterPaint(resolve));
        if (!alive) return;
        await reload(database);
      })
      .catch((error) => alive && setProblem(problemSentence(error, 'Your library could not be opened')));
    return () => {
      alive = false;
      opened?.close();
    };
  }, [props.dbName, reload]);

  // Stories read or saved in other tabs meanwhile: show the library as it is when the reader comes back.
  useEffect(() => {
    if (!db) return;
    const refresh = () => {
      if (document.visibilityState === 'visible') void reload(db).catch(() => {});
    };
    document.addEventListener('visibilitychange', refresh);
    window.addEventListener('focus', refresh);
    return () => {
      document.removeEventListener('visibilitychange', refresh);
      window.removeEventListener('focus', refresh);
    };
  }, [db, reload]);

  /** Runs a change to the library, then shows the library as it now is; a failure is said in a sentence. */
  const change = useCallback(
    async (what: string, run: (database: LibraryDb) => Promise<void>) => {
      if (!db) return;
      try {
        await run(db);
        setProblem(null);
      } catch (error) {
        setProblem(problemSentence(error, what));
      }
      await reload(db).catch(() => {});
    },
    [db, reload],
  );

  // Search as you type: the latest query wins, older answers are dropped.
  useEffect(() => {
    const text = query.trim();
    if (!db || !text) {
      setHits(null);
      setSearching(false);
      return;
    }
    setSearching(true);
    const seq = ++searchSeq.current;
    const timer = setTimeout(() => {
      searchLibrary(db, text, { limit: 10_000 })
        .then((found) => seq === searchSeq.current && setHits(found))
        .catch((error) => seq === searchSeq.current && setProblem(problemSentence(error, 'The search failed')))
        .finally(() => seq === searchSeq.current && setSearching(false));
    }, searchDelay);
    return () => clearTimeout(timer);
    // `stories` so that a search re-runs after the library changed.
  }, [db, query, searchDelay, stories]);

  const searchActive = query.trim() !== '';
  const effectiveSort: SortKey = searchActive && sort === 'updated' ? 'relevance' : sort;
  const ranked = useMemo(() => (searchActive && hits ? hits.map((h) => h.id) : null), [hits, searchActive]);
  const where = useMemo(() => new Map((hits ?? []).map((h) => [h.id, h.where as string[]])), [hits]);
  const shown = useMemo(
    () => (stories ? visibleStories(stories, filters, effectiveSort, searchActive ? ranked ?? [] : null) : []),
    [stories, filters, effectiveSort, ranked, searchActive],
  );
  const fandoms = useMemo(() => fandomsIn(stories ?? []), [stories]);
  const shelves = useMemo(() => shelvesIn(stories ?? []), [stories]);
  const byId = useMemo(() => new Map((stories ?? []).map((s) => [s.id, s])), [stories]);

  // Selection only holds stories that still exist.
  useEffect(() => {
    setSelected((current) => {
      const kept = new Set([...current].filter((id) => byId.has(id)));
      return kept.size === current.size ? current : kept;
    });
  }, [byId]);

  // The undo offer lasts a while, then goes.
  useEffect(() => {
    if (!toast) return;
    const timer = setTimeout(() => setToast(null), UNDO_MS);
    return () => clearTimeout(timer);
  }, [toast]);

  const select = (id: string, on: boolean) =>
    setSelected((current) => {
      const next = new Set(current);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  const allShownSelected = shown.length > 0 && shown.every((s) => selected.has(s.id));
  const selectAllShown = (on: boolean) => setSelected(on ? new Set(shown.map((s) => s.id)) : new Set());

  const remove = (ids: string[]) =>
    change('The stories could not be deleted', async (database) => {
      const titles = ids.map((id) => byId.get(id)?.title).filter(Boolean);
      const deleted = await deleteStories(database, ids);
      const count = deleted.stories.length;
      const what = count === 1 ? `“${titles[0] ?? deleted.stories[0]?.title}”` : `${count} stories`;
      setToast({ message: `Deleted ${what}.`, undo: deleted });
      setSelected(new Set());
    });

  const undo = (deleted: DeletedStories) => {
    setToast(null);
    void change('The stories could not be brought back', async (database) => {
      await restoreStories(database, deleted);
      const n = deleted.stories.length;
      setStatus(n === 1 ? 'The story is back in your library.' : `${n} stories are back in your library.`);
    });
  };

  const addShelf = (ids: string[], shelf: string) =>
    change('The shelf could not be changed', async (database) => {
      for (const id of ids) {
        const story = byId.get(id);
        if (story && !story.shelves.includes(shelf)) await setShelves(database, id, [...story.shelves, shelf]);
      }
    });
  const removeShelf = (ids: string[], shelf: string) =>
    change('The shelf could not be changed', async (database) => {
      for (const id of ids) {
        const story = byId.get(id);
        if (story?.shelves.includes(shelf)) await setShelves(database, id, story.shelves.filter((s) => s !== shelf));
      }
    });

  const exportStory = async (story: SavedStory, kind: 'epub' | 'html') => {
    if (!db) return;
    setBusy((b) => ({ ...b, [story.id]: kind === 'epub' ? 'Making the EPUB…' : 'Making the HTML file…' }));
    try {
      const chapters = await getChapters(db, story.id);
      if (kind === 'epub') {
        const { buildEpub } = await import('@/utils/library/epub');
        const bytes = buildEpub(story, chapters);
        download(new Blob([bytes as BlobPart], { type: 'application/epub+zip' }), fileName(story.title, 'epub'));
      } else {
        const { buildHtmlFile } = await import('@/utils/library/html-export');
        download(new Blob([buildHtmlFile(story, chapters)], { type: 'text/html;charset=utf-8' }), fileName(story.title, 'html'));
      }
      setStatus(`“${story.title}” exported as ${kind === 'epub' ? 'EPUB' : 'HTML'}.`);
      setProblem(null);
    } catch (error) {
      setProblem(problemSentence(error, `“${story.title}” could not be exported`));
    } finally {
      setBusy(({ [story.id]: _, ...rest }) => rest);
    }
  };

  const exportLibrary = async () => {
    if (!db) return;
    try {
      const { exportBackup } = await import('@/utils/library/backup');
      const settings = await (props.loadSettings ?? defaultLoadSettings)();
      const backup = await exportBackup(db, settings);
      download(new Blob([JSON.stringify(backup)], { type: 'application/json' }), backupFileName());
      const n = backup.stories.length;
      setStatus(`Backup exported: ${n} ${n === 1 ? 'story' : 'stories'} and your settings.`);
      setProblem(null);
    } catch (error) {
      setProblem(problemSentence(error, 'The backup could not be made'));
    }
  };

  const importFile = async (file: File) => {
    await change('The backup could not be imported', async (database) => {
      const { importBackup, parseBackup } = await import('@/utils/library/backup');
      const text = await file.text();
      const parsed = parseBackup(text);
      const current = await (props.loadSettings ?? defaultLoadSettings)().catch(() => undefined);
      const result = await importBackup(database, parsed, current);
      // The backup moves the whole FicShelf, settings included, to this browser.
      if (result.settings) await (props.saveSettings ?? defaultSaveSettings)(result.settings);
      setReport({ ...result, settingsRestored: !!result.settings });
      setStatus('');
    });
  };

  /** Checked here, in the page (it has a DOM and the sites' permissions), one story at a time. */
  const checkUpdates = (ids: string[]) => {
    const picked = ids.map((id) => byId.get(id)).filter((s): s is SavedStory => !!s);
    if (picked.length === 0) return;
    setUpdateRun({ key: Date.now(), stories: picked.map(({ id, title }) => ({ id, title })) });
  };

  const setFilter = <K extends keyof LibraryFilters>(key: K, value: LibraryFilters[K]) => setFilters((f) => ({ ...f, [key]: value }));
  const selectedIds = [...selected];
  const loading = stories === null && !problem;
  const empty = stories !== null && stories.length === 0;
  const state = loading || (!complete && !problem) ? 'loading' : empty ? 'empty' : stories ? 'ready' : 'error';

  return (
    <div class="library-view" data-ficshelf="library" data-state={state}>
      <div class="library-head">
        <H id="library-heading" tabIndex={-1}>
          Library
        </H>
        {stats && stats.count > 0 && (
          <p class="library-stats" data-field="stats">
            {stats.count === 1 ? '1 story' : `${stats.count.toLocaleString('en-US')} stories`} · {byteSize(stats.bytes)}
          </p>
        )}
        <div class="library-tools">
          <button type="button" class="secondary" data-action="export-backup" disabled={!db} onClick={() => void exportLibrary()}>
            Export backup
          </button>
          <button type="button" class="secondary" data-action="import-backup" disabled={!db} onClick={() => fileInput.current?.click()}>
            Import backup…
          </button>
          <input
            ref={fileInput}
            type="file"
            accept="application/json,.json"
            class="visually-hidden"
            data-action="import-file"
            aria-label="Backup file to import"
            tabIndex={-1}
            onChange={(event) => {
              const input = event.currentTarget as HTMLInputElement;
              const file = input.files?.[0];
              input.value = '';
              if (file) void importFile(file);
            }}
          />
        </div>
      </div>

      {problem && (
        <p class="problem library-problem" role="alert" data-field="problem">
          {problem}
        </p>
      )}
      <p class="library-status" role="status" data-field="status">
        {status}
      </p>
      {report && <ImportReportView report={report} heading={subHeading} onClose={() => setReport(null)} />}
      {db && updateRun && (
        <UpdateChecker
          key={updateRun.key}
          db={db}
          stories={updateRun.stories}
          deps={props.updateDeps ?? pageUpdateDeps()}
          heading={subHeading}
          onAdded={() => void reload(db).catch(() => {})}
          onClose={() => setUpdateRun(null)}
        />
      )}

      {loading && (
        <p class="empty-state" role="status" data-empty="loading">
          Opening your library…
        </p>
      )}
      {empty && (
        <div class="empty-state big" data-empty="library">
          <p class="empty-title">No saved stories yet. Open a story and press Save to library in the FicShelf button.</p>
          <p>Saved stories can be read here without a connection, searched by any word, and exported as EPUB.</p>
        </div>
      )}

      {stories && stories.length > 0 && (
        <>
          <div class="library-controls" role="search">
            <label class="search-field">
              <span>Search</span>
              <input
                type="search"
                data-action="search"
                placeholder="Title, author, fandom, tag or any word"
                value={query}
                onInput={(event) => setQuery((event.currentTarget as HTMLInputElement).value)}
              />
            </label>
            <label>
              <span>Fandom</span>
              <select data-filter="fandom" value={filters.fandom} onChange={(e) => setFilter('fandom', (e.currentTarget as HTMLSelectElement).value)}>
                <option value="">All fandoms</option>
                {fandoms.map((f) => (
                  <option value={f}>{f}</option>
                ))}
              </select>
            </label>
            <label>
              <span>Rating</span>
              <select data-filter="rating" value={filters.rating} onChange={(e) => setFilter('rating', (e.currentTarget as HTMLSelectElement).value as RatingLevel | '')}>
                <option value="">Any rating</option>
                {RATING_LEVELS.map((level) => (
                  <option value={level}>{RATING_LABELS[level]}</option>
                ))}
              </select>
            </label>
            <label>
              <span>Status</span>
              <select data-filter="status" value={filters.status} onChange={(e) => setFilter('status', (e.currentTarget as HTMLSelectElement).value as StoryStatus | '')}>
                <option value="">Any status</option>
                {(Object.keys(STATUS_LABELS) as StoryStatus[]).map((s) => (
                  <option value={s}>{STATUS_LABELS[s]}</option>
                ))}
              </select>
            </label>
            <label>
              <span>Shelf</span>
              <select data-filter="shelf" value={filters.shelf} onChange={(e) => setFilter('shelf', (e.currentTarget as HTMLSelectElement).value)}>
                <option value="">All shelves</option>
                {shelves.map((s) => (
                  <option value={s}>{s}</option>
                ))}
              </select>
            </label>
            <label class="check">
              <input type="checkbox" data-filter="unread" checked={filters.unread} onChange={(e) => setFilter('unread', (e.currentTarget as HTMLInputElement).checked)} />
              <span>Unread only</span>
            </label>
            <label>
              <span>Sort by</span>
              <select data-action="sort" value={effectiveSort} onChange={(e) => setSort((e.currentTarget as HTMLSelectElement).value as SortKey)}>
                {searchActive && <option value="relevance">Best match</option>}
                {SORTS.map((s) => (
                  <option value={s.value}>{s.label}</option>
                ))}
              </select>
            </label>
          </div>

          <div class="library-bulk" aria-label="Selected stories">
            <label class="check">
              <input type="checkbox" data-action="select-all" checked={allShownSelected} disabled={shown.length === 0} onChange={(e) => selectAllShown((e.currentTarget as HTMLInputElement).checked)} />
              <span>Select all shown</span>
            </label>
            <span class="result-count" data-field="count" aria-live="polite">
              {!complete ? 'Opening the rest of your library…' : searchActive && searching && !hits ? 'Searching…' : resultCount(shown.length, stories.length, selected.size)}
            </span>
            {selected.size > 0 && (
              <>
                <input
                  class="shelf-name"
                  list="library-shelf-names"
                  value={shelfName}
                  placeholder="Shelf name"
                  aria-label="Shelf for the selected stories"
                  data-action="shelf-name"
                  onInput={(e) => setShelfName((e.currentTarget as HTMLInputElement).value)}
                />
                <datalist id="library-shelf-names">
                  {shelves.map((s) => (
                    <option value={s} />
                  ))}
                </datalist>
                <button type="button" class="secondary" data-action="shelve-selected" disabled={!cleanShelfName(shelfName)} onClick={() => void addShelf(selectedIds, cleanShelfName(shelfName))}>
                  Add to shelf
                </button>
                <button type="button" class="secondary" data-action="unshelve-selected" disabled={!cleanShelfName(shelfName)} onClick={() => void removeShelf(selectedIds, cleanShelfName(shelfName))}>
                  Remove from shelf
                </button>
                <button type="button" class="secondary" data-action="check-updates" onClick={() => checkUpdates(selectedIds)}>
                  Check for updates
                </button>
                <button type="button" class="danger" data-action="delete-selected" onClick={() => void remove(selectedIds)}>
                  Delete selected
                </button>
              </>
            )}
          </div>

          {shown.length === 0 ? (
            <div class="empty-state" data-empty="results">
              <p>{searchActive ? `No saved story matches “${query.trim()}”${hasFilters(filters) ? ' with these filters' : ''}.` : 'No saved story matches these filters.'}</p>
              {hasFilters(filters) && (
                <button type="button" class="secondary" data-action="clear-filters" onClick={() => setFilters(NO_FILTERS)}>
                  Clear filters
                </button>
              )}
            </div>
          ) : (
            <VirtualList
              class="library-list"
              label="Saved stories"
              count={shown.length}
              rowHeight={ROW_HEIGHT}
              rowKey={(i) => shown[i]!.id}
              renderRow={(i) => {
                const story = shown[i]!;
                return (
                  <LibraryRow
                    story={story}
                    selected={selected.has(story.id)}
                    where={searchActive ? where.get(story.id) : undefined}
                    shelves={shelves}
                    readerHref={readerHref(story.id)}
                    busy={busy[story.id]}
                    heading={subHeading}
                    onSelect={(on) => select(story.id, on)}
                    onAddShelf={(shelf) => void addShelf([story.id], shelf)}
                    onRemoveShelf={(shelf) => void removeShelf([story.id], shelf)}
                    onExport={(kind) => void exportStory(story, kind)}
                    onDelete={() => void remove([story.id])}
                  />
                );
              }}
            />
          )}
        </>
      )}

      {toast && (
        <div class="library-toast" role="status" data-ficshelf="toast">
          <span>{toast.message}</span>
          {toast.undo && (
            <button type="button" data-action="undo" onClick={() => undo(toast.undo!)}>
              Undo
            </button>
          )}
          <button type="button" class="secondary" aria-label="Dismiss" onClick={() => setToast(null)}>
            ×
          </button>
        </div>
      )}
    </div>
  );
}

function resultCount(shown: number, total: number, selected: number): string {
  const base = shown === total ? `${total.toLocaleString('en-US')} ${total === 1 ? 'story' : 'stories'}` : `${shown.toLocaleString('en-US')} of ${total.toLocaleString('en-US')} stories`;
  return selected > 0 ? `${base}, ${selected} selected` : base;
}
