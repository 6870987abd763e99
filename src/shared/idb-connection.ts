// One lazily opened IndexedDB connection per database, shared by the stores (history, models).
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';

export interface Connection<T extends DBSchema> {
  /** The open database (opened on first use, and again after close or termination). */
  get(): Promise<IDBPDatabase<T>>;
  /** Closes the connection; the next get() reopens it. For tests and for other contexts' upgrades. */
  close(): Promise<void>;
}

export function lazyConnection<T extends DBSchema>(name: string, version: number, upgrade: (database: IDBPDatabase<T>) => void): Connection<T> {
  let promise: Promise<IDBPDatabase<T>> | null = null;
  const close = async (): Promise<void> => {
    const open = promise;
    promise = null;
    if (open) (await open.catch(() => null))?.close();
  };
  const get = (): Promise<IDBPDatabase<T>> => {
    promise ??= openDB<T>(name, version, {
      upgrade: (database) => upgrade(database),
      // Another context deleting or upgrading the database: let it, and reopen on next use.
      blocking: () => void close(),
      terminated: () => {
        promise = null;
      },
    }).catch((err: unknown) => {
      promise = null;
      throw err;
    });
    return promise;
  };
  return { get, close };
}
