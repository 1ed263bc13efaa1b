/** The one place stream ids are built: `<category>-<id>`. */
export const streamId = (category: string, id: string): string => `${category}-${id}`;
