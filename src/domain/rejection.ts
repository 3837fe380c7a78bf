// The shape every loader returns: the rows it kept and, for every row it could not keep, why.
export type Rejected = {
  /** 1-based line (CSV, counting the header as line 1) or feature index + 1 (GeoJSON). */
  line: number;
  /** The field that failed, or '' when the whole row is unusable. */
  field: string;
  reason: string;
  /** The raw row as read, so it can be downloaded and fixed. */
  raw: string;
};

export type LoadResult<T> = { rows: T[]; rejected: Rejected[] };
