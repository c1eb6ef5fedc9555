/**
 * The Data section's state: the tables in the workbook, the staff and posts tables chosen, their
 * cells, the column mapping and the role map, and what ingesting the cells gives (again whenever
 * the table, the mapping or the role map changes). Everything reaches the workbook through the
 * WorkbookPort it is given.
 */
import * as React from "react";
import type { PostsColumn, StaffColumn } from "../../../core/columns";
import type { ColumnMapping } from "../../../core/headers";
import type { Grid, PostsTable, StaffTable } from "../../../core/ingest";
import type { RoleCode } from "../../../core/vocabulary";
import type { SourceTable, WorkbookPort } from "../../../host/workbook-port";
import type { PaneWork } from "../../app/pane-work";
import type { Notice } from "../../components/Notices";
import { plainError } from "../../components/plain-error";
import { fingerprint } from "../build/fingerprint";
import { headerCells, headerChoices, withChoice } from "./mapping";
import { findTableByName, pickPostsTable, pickStaffTable, tableKey } from "./tables";

/** Grids by table key; null when the table could not be read. */
type Grids = Record<string, Grid | null>;

type NotifyFn = (intent: Notice["intent"], title: string, text: string) => void;

/** The part of the workbook's saved settings that Data restores. */
export interface DataSettings {
  staffTable?: string;
  postsTable?: string | null;
  staffMapping?: ColumnMapping<StaffColumn>;
  postsMapping?: ColumnMapping<PostsColumn>;
  roleMap?: Record<string, RoleCode>;
  staffHeaderRow?: number;
  postsHeaderRow?: number;
}

export interface DataDeps<S extends DataSettings> {
  host: WorkbookPort;
  /** Where the cells are ingested (in the pane's thread, or the workbench's worker). */
  work: PaneWork;
  /** A message at the top of the pane. */
  notifyPane: NotifyFn;
  /** A message in the Data section. */
  notifyData: NotifyFn;
  clearData: () => void;
  /** A person changed something: save the settings. */
  changed: () => void;
  /** The settings saved in the workbook ({} when there are none or they cannot be read). */
  loadSettings: () => Promise<S>;
  /** The tables are chosen and read at the start: the other sections restore their part. */
  onStarted: (settings: S) => void;
}

export function useData<S extends DataSettings>(deps: DataDeps<S>) {
  const { host, work, notifyPane, notifyData, clearData, changed, loadSettings, onStarted } = deps;
  const [loading, setLoading] = React.useState(true);
  const [reading, setReading] = React.useState(false);
  const [tables, setTables] = React.useState<SourceTable[]>([]);
  const [staffKey, setStaffKey] = React.useState<string | null>(null);
  const [postsKey, setPostsKey] = React.useState<string | null>(null);
  const [grids, setGrids] = React.useState<Grids>({});
  const [staffMapping, setStaffMapping] = React.useState<ColumnMapping<StaffColumn>>({});
  const [postsMapping, setPostsMapping] = React.useState<ColumnMapping<PostsColumn>>({});
  const [roleMap, setRoleMap] = React.useState<Record<string, RoleCode>>({});
  /** The header rows the user chose (sheet row numbers); null: found automatically. */
  const [staffHeaderRow, setStaffHeaderRow] = React.useState<number | null>(null);
  const [postsHeaderRow, setPostsHeaderRow] = React.useState<number | null>(null);

  const readGrid = React.useCallback(
    async (table: SourceTable): Promise<Grid | null> => {
      try {
        return await host.readTable(table);
      } catch (error) {
        notifyData("error", `Could not read ${table.name}.`, plainError(error));
        return null;
      }
    },
    [host, notifyData]
  );

  /** The staff table when none is chosen: read every table and take the best staff header. */
  const autoPick = React.useCallback(
    async (list: SourceTable[], read: Grids, isCancelled: () => boolean) => {
      for (const t of list) {
        if (isCancelled()) return null;
        if (!(tableKey(t) in read)) read[tableKey(t)] = await readGrid(t);
      }
      const found: Record<string, Grid> = {};
      for (const [k, g] of Object.entries(read)) if (g) found[k] = g;
      return pickStaffTable(list, found);
    },
    [readGrid]
  );

  // ---- start: list the tables, restore the settings, choose the tables ----
  React.useEffect(() => {
    let cancelled = false;
    const isCancelled = () => cancelled;
    void (async () => {
      let list: SourceTable[];
      try {
        list = await host.listTables();
      } catch (error) {
        if (cancelled) return;
        notifyPane("error", "Could not list the tables in this workbook.", plainError(error));
        setLoading(false);
        return;
      }
      const settings = await loadSettings();
      if (cancelled) return;
      const read: Grids = {};
      const staff =
        findTableByName(list, settings.staffTable) ?? (await autoPick(list, read, isCancelled));
      let posts: SourceTable | null = null;
      if (settings.postsTable === undefined) posts = pickPostsTable(list, staff);
      else if (settings.postsTable !== null) posts = findTableByName(list, settings.postsTable);
      if (posts && staff && tableKey(posts) === tableKey(staff)) posts = null;
      for (const t of [staff, posts]) {
        if (t && !(tableKey(t) in read)) read[tableKey(t)] = await readGrid(t);
      }
      if (cancelled) return;
      const keep: Grids = {};
      for (const t of [staff, posts]) if (t) keep[tableKey(t)] = read[tableKey(t)] ?? null;
      setTables(list);
      setStaffKey(staff ? tableKey(staff) : null);
      setPostsKey(posts ? tableKey(posts) : null);
      setGrids(keep);
      setStaffMapping(
        staff && staff.name === settings.staffTable ? (settings.staffMapping ?? {}) : {}
      );
      setPostsMapping(
        posts && posts.name === settings.postsTable ? (settings.postsMapping ?? {}) : {}
      );
      setRoleMap(settings.roleMap ?? {});
      setStaffHeaderRow(
        staff && staff.name === settings.staffTable ? (settings.staffHeaderRow ?? null) : null
      );
      setPostsHeaderRow(
        posts && posts.name === settings.postsTable ? (settings.postsHeaderRow ?? null) : null
      );
      onStarted(settings);
      setLoading(false);
    })();
    return () => {
      cancelled = true;
    };
  }, [host, notifyPane, readGrid, autoPick, loadSettings, onStarted]);

  // ---- read a newly chosen table ----
  React.useEffect(() => {
    if (loading) return;
    const wanted = [staffKey, postsKey].filter((k): k is string => k !== null && !(k in grids));
    if (wanted.length === 0) return;
    let cancelled = false;
    void (async () => {
      const read: Grids = {};
      for (const key of wanted) {
        const table = tables.find((t) => tableKey(t) === key);
        read[key] = table ? await readGrid(table) : null;
        if (cancelled) return;
      }
      setGrids((gs) => ({ ...gs, ...read }));
    })();
    return () => {
      cancelled = true;
    };
  }, [loading, staffKey, postsKey, grids, tables, readGrid]);

  // ---- ingest (again whenever the table, the mapping or the role map changes) ----
  const staffTable = tables.find((t) => tableKey(t) === staffKey) ?? null;
  const postsTable = tables.find((t) => tableKey(t) === postsKey) ?? null;
  const staffGrid = staffKey ? grids[staffKey] : undefined;
  const postsGrid = postsKey ? grids[postsKey] : undefined;

  const ingested = useIngested(
    staffTable && staffGrid
      ? () =>
          work.ingestStaff(staffGrid, {
            mapping: staffMapping,
            roleMap,
            firstRow: staffTable.firstRow,
            ...(staffHeaderRow !== null ? { headerRow: staffHeaderRow } : {}),
          })
      : null,
    postsTable && postsGrid
      ? () =>
          work.ingestPosts(postsGrid, {
            mapping: postsMapping,
            roleMap,
            firstRow: postsTable.firstRow,
            ...(postsHeaderRow !== null ? { headerRow: postsHeaderRow } : {}),
          })
      : null,
    [
      work,
      staffTable,
      staffGrid,
      staffMapping,
      postsTable,
      postsGrid,
      postsMapping,
      roleMap,
      staffHeaderRow,
      postsHeaderRow,
    ],
    notifyData
  );
  const { staff: staffResult, posts: postsResult } = ingested;
  const staffHeader = React.useMemo(
    () =>
      staffTable && staffGrid && staffResult
        ? headerCells(staffGrid, staffResult.headerRow, staffTable.firstRow)
        : [],
    [staffTable, staffGrid, staffResult]
  );
  const postsHeader = React.useMemo(
    () =>
      postsTable && postsGrid && postsResult
        ? headerCells(postsGrid, postsResult.headerRow, postsTable.firstRow)
        : [],
    [postsTable, postsGrid, postsResult]
  );

  // ---- the fingerprint of the data, to tell when it changed since the last build ----
  const currentFingerprint = React.useMemo(
    () => (staffGrid ? fingerprint(staffGrid, postsGrid ?? null) : null),
    [staffGrid, postsGrid]
  );

  // ---- reading the data again ----
  const reload = React.useCallback(async () => {
    setReading(true);
    clearData();
    try {
      const list = await host.listTables();
      const read: Grids = {};
      let staff = list.find((t) => tableKey(t) === staffKey) ?? null;
      if (staffKey && !staff) {
        notifyData(
          "warning",
          "The staff table is no longer in this workbook.",
          "Choose the staff table again."
        );
      }
      if (!staffKey) staff = await autoPick(list, read, () => false);
      let posts = list.find((t) => tableKey(t) === postsKey) ?? null;
      if (!staffKey && !postsKey) posts = pickPostsTable(list, staff);
      for (const t of [staff, posts]) {
        if (t && !(tableKey(t) in read)) read[tableKey(t)] = await readGrid(t);
      }
      const keep: Grids = {};
      for (const t of [staff, posts]) if (t) keep[tableKey(t)] = read[tableKey(t)] ?? null;
      setTables(list);
      setGrids(keep);
      setStaffKey(staff ? tableKey(staff) : null);
      setPostsKey(posts ? tableKey(posts) : null);
    } catch (error) {
      notifyData("error", "Could not list the tables in this workbook.", plainError(error));
    } finally {
      setReading(false);
    }
  }, [host, staffKey, postsKey, autoPick, readGrid, notifyData, clearData]);

  // ---- actions ----
  const chooseStaffTable = (key: string | null) => {
    setStaffKey(key);
    setStaffMapping({});
    setStaffHeaderRow(null);
    if (key !== null && key === postsKey) setPostsKey(null);
    changed();
  };
  const choosePostsTable = (key: string | null) => {
    setPostsKey(key);
    setPostsMapping({});
    setPostsHeaderRow(null);
    changed();
  };
  /** The user says which row holds the headings (null: find it again); the mapping starts afresh. */
  const chooseStaffHeaderRow = (row: number | null) => {
    setStaffHeaderRow(row);
    setStaffMapping({});
    changed();
  };
  const choosePostsHeaderRow = (row: number | null) => {
    setPostsHeaderRow(row);
    setPostsMapping({});
    changed();
  };
  const mapStaff = (key: StaffColumn, value: string) => {
    setStaffMapping((m) => withChoice(m, key, value, staffHeader));
    changed();
  };
  const mapPosts = (key: PostsColumn, value: string) => {
    setPostsMapping((m) => withChoice(m, key, value, postsHeader));
    changed();
  };
  const mapRole = (role: string, code: RoleCode | null) => {
    setRoleMap((m) => {
      const next = { ...m };
      if (code === null) delete next[role];
      else next[role] = code;
      return next;
    });
    changed();
  };

  return {
    loading,
    reading,
    tables,
    staffKey,
    postsKey,
    staffTable,
    postsTable,
    staffGrid,
    postsGrid,
    staffMapping,
    postsMapping,
    roleMap,
    staffHeaderRow,
    postsHeaderRow,
    staffResult,
    postsResult,
    /** A table's cells are being ingested again: its result is the previous one until then. */
    ingesting: ingested.pending,
    staffHeader,
    postsHeader,
    currentFingerprint,
    reload,
    chooseStaffTable,
    choosePostsTable,
    mapStaff,
    mapPosts,
    mapRole,
    /** What the Data section shows, beside the busy flag and the messages the pane adds. */
    section: {
      tables,
      staffKey,
      postsKey,
      staff:
        staffTable && staffGrid !== null
          ? {
              table: staffTable,
              result: staffResult,
              choices: headerChoices(staffHeader, staffTable.firstColumn),
              headerRowChosen: staffHeaderRow,
            }
          : null,
      posts:
        postsTable && postsGrid !== null
          ? {
              table: postsTable,
              result: postsResult,
              choices: headerChoices(postsHeader, postsTable.firstColumn),
              headerRowChosen: postsHeaderRow,
            }
          : null,
      reading,
      onStaffTable: chooseStaffTable,
      onPostsTable: choosePostsTable,
      onMapStaff: mapStaff,
      onMapPosts: mapPosts,
      onStaffHeaderRow: chooseStaffHeaderRow,
      onPostsHeaderRow: choosePostsHeaderRow,
      onReload: () => void reload(),
    },
  };
}

export type DataState = ReturnType<typeof useData>;

/**
 * What ingesting the staff and posts tables gives, again whenever what they depend on changes
 * (null: nothing to ingest). Both arrive together, so the pane never shows one table's new result
 * beside the other's old one. While a new ingest runs, the previous results stay (the Data
 * section does not blink); results that arrive after a newer ingest started are dropped.
 */
function useIngested(
  staff: (() => Promise<StaffTable>) | null,
  posts: (() => Promise<PostsTable>) | null,
  deps: React.DependencyList,
  notify: NotifyFn
): { staff: StaffTable | null; posts: PostsTable | null; pending: boolean } {
  const [results, setResults] = React.useState<{
    staff: StaffTable | null;
    posts: PostsTable | null;
  }>({ staff: null, posts: null });
  const [pending, setPending] = React.useState(false);
  React.useEffect(() => {
    if (!staff && !posts) {
      setResults({ staff: null, posts: null });
      setPending(false);
      return;
    }
    let live = true;
    setPending(true);
    Promise.all([staff ? staff() : null, posts ? posts() : null]).then(
      ([s, p]) => {
        if (!live) return;
        setResults({ staff: s, posts: p });
        setPending(false);
      },
      (error) => {
        if (!live) return;
        setResults({ staff: null, posts: null });
        setPending(false);
        notify("error", "Could not read the table's cells.", plainError(error));
      }
    );
    return () => {
      live = false;
    };
  }, deps);
  return { ...results, pending };
}
