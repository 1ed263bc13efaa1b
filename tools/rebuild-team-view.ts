// npm run rebuild:team-view: rebuilds the team view's derived read models (caseload, open contact requests)
// from its timeline, on the database the platform (or the team-view service) is configured with: DATA_DIR's
// embedded database or DATABASE_URL. Stop the platform first when it runs on the embedded database.
import { configFromEnv, openDatabase } from '@ips/runtime';
import { rebuildTeamViewReadModels } from '@ips/team-view';

async function main(): Promise<void> {
  const db = await openDatabase(configFromEnv());
  try {
    const events = await rebuildTeamViewReadModels(db);
    console.log(`rebuilt the team view's read models from ${events} timeline events`);
  } finally {
    await db.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
