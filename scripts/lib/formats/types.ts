/** One source file, decoded to text. */
export interface SourceFile {
  /** Path as given or found, used in every message. */
  path: string;
  /** Base name, e.g. `2025-03-12.json`. */
  name: string;
  /** The whole file as text (BOM removed, line ends as in the file). */
  text: string;
}

/** Where a problem is: the file, and the line or record and field when known. */
export interface Problem {
  file: string;
  line?: number;
  record?: number;
  field?: string;
  message: string;
}

/** A paper as one source states it, before normalization. Every field is optional but the title. */
export interface SourceRecord {
  /** 1-based position of the record in its file. */
  record: number;
  /** 1-based line the record starts on, for line-oriented formats. */
  line?: number;
  title?: string;
  authors?: string[];
  abstract?: string;
  /** Digest day the source puts the paper on. */
  date?: string;
  /** The paper's own publication date (any ISO-like form). */
  published?: string;
  arxivId?: string;
  doi?: string;
  links?: { abs?: string; pdf?: string; code?: string; project?: string; hf?: string };
  upvotes?: number;
  comments?: number;
  stars?: number;
  thumbnail?: string;
  keywords?: string[];
  summary?: string;
  organization?: string;
  /** Topic names the source itself files the paper under. */
  topics?: string[];
}

/** Options every parser may use. */
export interface ParseOptions {
  /** Digest day (or year) given on the command line with `--date`. */
  date?: string;
}

/** What a parser returns: the records it could read and the problems it found. */
export interface ParseResult {
  records: SourceRecord[];
  problems: Problem[];
}

/** One input format. */
export interface Format {
  /** Short name used in messages and `--format`. */
  id: string;
  /** Human-readable name. */
  label: string;
  /** True when the file's content looks like this format. */
  sniff(file: SourceFile): boolean;
  parse(file: SourceFile, options: ParseOptions): ParseResult;
}
