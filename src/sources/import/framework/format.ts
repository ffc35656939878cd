import type { Progress } from '../../../model/progress.js';
import type { SignInFileReader } from '../sign-in/sign-in-file-reader.js';
import type { FileBatch } from './file-batch.js';
import type { Sniff } from './sniff.js';

/** Shared across the files of one import run (the portal's AuthDetails CSVs are joined onto their sign-ins). */
export interface ImportRun {
  progress: Progress;
  /** Portal AuthDetails rows by Request ID, read before the sign-in CSVs of the same run. */
  authDetails: Map<string, AuthDetailsEntry>;
  /** Reads whole JSON Lines files of sign-ins (the fast path) on a connection of its own. */
  signInFiles: SignInFileReader;
}

export interface AuthDetailsEntry {
  steps: { method: string | null; succeeded: boolean | null; requirement: string | null; resultDetail: string | null }[];
  /** Set once a sign-in of this run took the steps: the AuthDetails rows then count as stored. */
  used: boolean;
  lines: number[];
}

/** A file format: how to recognise it from its content, and how to read it into a batch. */
export interface ImportFormat {
  id: string;
  /** What it reads, for the "formats tried" message and --help. */
  describes: string;
  detect(sniff: Sniff): boolean;
  /**
   * Optional work before the batch's transaction opens (a fast path that may fail and fall back). It may run while
   * the previous file's transaction is open, so it must not use the store's own connection.
   */
  prepare?(path: string, batch: FileBatch, run: ImportRun, sniff: Sniff): Promise<void>;
  /** Read `path` into `batch`. Returns what could not be read (a truncated tail), or null. */
  read(path: string, batch: FileBatch, run: ImportRun, sniff: Sniff): Promise<string | null>;
}
