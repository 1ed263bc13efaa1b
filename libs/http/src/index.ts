export * from './problem';
export * from './problem.filter';
export * from './validation';
export * from './uuid-param.pipe';
export * from './dto-fields';
export * from './http-conventions';
export * from './rate-limit';
export * from './no-fields.pipe';
