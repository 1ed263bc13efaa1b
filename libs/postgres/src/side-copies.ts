import { SqlExecutor } from './sql-driver.port';

/**
 * Blue/green for a rebuild of read models (decisions 33, 37): empty copies of `tables` (their columns, defaults,
 * constraints and indexes) made afresh in `schema`, filled by the rebuild while the live tables keep answering...
 */
export async function makeSideCopies(tx: SqlExecutor, schema: string, tables: readonly string[]): Promise<void> {
  await tx.exec(`drop schema if exists ${schema} cascade; create schema ${schema};`);
  for (const table of tables) await tx.exec(`create table ${schema}.${table} (like public.${table} including all)`);
}

/** ...then, in the transaction that ends the rebuild, the copies' rows put in place of the live ones and the copies dropped. */
export async function putSideCopiesInPlace(tx: SqlExecutor, schema: string, tables: readonly string[]): Promise<void> {
  for (const table of tables) await tx.exec(`delete from public.${table}; insert into public.${table} select * from ${schema}.${table};`);
  await tx.exec(`drop schema ${schema} cascade`);
}
