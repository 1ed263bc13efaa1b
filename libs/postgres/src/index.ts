export * from './sql-driver.port';
export * from './pg.driver';
export * from './pglite.driver';
export * from './migrations';
export * from './values-list';
export * from './side-copies';
