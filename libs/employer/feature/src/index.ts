export * from './employer.module';
export * from './employer.config';
export * from './employer.slice';
export * from './participant-employment.slice';
export * from './note-enrolment/note-enrolment-when-participant-enrolled.reaction';
