/**
 * A row of a raw SQL query (pg: column name → value). These modules read joins and
 * aggregates no entity describes; the shape is checked where the row is mapped to a view.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the one place raw rows are typed loosely
export type SqlRow = Record<string, any>;
