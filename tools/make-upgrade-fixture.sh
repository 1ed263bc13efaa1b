#!/usr/bin/env bash
# Regenerates the upgrade test's fixture (apps/platform/src/fixtures/data-dir-before-teams/): a data directory written
# by the commit before teams, and what its staff saw there. Needs this repository's full history (not a shallow clone)
# and network access only if that commit's package-lock.json differs from today's (then `npm ci` there).
#
#   tools/make-upgrade-fixture.sh            # the commit before teams, 7003929
#   COMMIT=<sha> tools/make-upgrade-fixture.sh
#
# 1. clones this repository into a temporary directory and checks out COMMIT there (this working tree is untouched);
# 2. `npm run seed` there on a fresh DATA_DIR (that commit's embedded platform: the demo team, 40 participants through
#    the lifecycle, consents, timelines, employer contacts, placements, relapse-risk flags, contact-line requests);
# 3. capture-seen.cli.ts there: starts that commit's platform on the data directory and records what some staff see
#    (caseloads, timelines) in seen-before.json; the platform stops cleanly;
# 4. packs the data directory into data-dir.tar.br (ustar + brotli, large window: data-dir-archive.ts);
# 5. with DATABASE_URL (a PostgreSQL server) and kcat: the same for the distributed profile (capture-seen.cli.ts
#    --distributed): that commit's services on fresh databases (suffix _upgrade_fixture, dropped after) and a mock
#    Kafka cluster, seeded through the gateway; seen-before.distributed.json, and distributed.tar.br with each
#    service's pg_dump (plain SQL) and the participant-events topic's records by partition and offset.
set -euo pipefail
COMMIT="${COMMIT:-7003929}"
repo="$(cd "$(dirname "$0")/.." && pwd)"
fixture="$repo/apps/platform/src/fixtures/data-dir-before-teams"
work="$(mktemp -d "${TMPDIR:-/tmp}/ips-upgrade-fixture.XXXXXX")"
trap 'rm -rf "$work"' EXIT

echo "== $COMMIT into $work/before"
git clone --quiet --shared --no-checkout "$repo" "$work/before"
git -C "$work/before" checkout --quiet --detach "$COMMIT"
sha="$(git -C "$work/before" rev-parse HEAD)"
if cmp -s "$repo/package-lock.json" "$work/before/package-lock.json"; then
  ln -s "$repo/node_modules" "$work/before/node_modules"
else
  (cd "$work/before" && npm ci --no-audit --no-fund --loglevel=error)
fi

port="$(node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')"
data="$work/data-dir"
echo "== npm run seed (DATA_DIR=$data)"
run() { "$@" >"$work/log" 2>&1 || { tail -40 "$work/log"; exit 1; }; grep -av 'LOG' "$work/log" | tail -3; }
# The embedded profile on PGlite: never DATABASE_URL's server (the embedded platform would use it instead).
embedded=(env -u DATABASE_URL -u KEY_STORE_URL -u KAFKA_BROKERS DATA_DIR="$data")
(cd "$work/before" && run "${embedded[@]}" PORT="$port" npm run -s seed)

echo "== what staff see there"
mkdir -p "$work/before/apps/platform/src/fixtures/data-dir-before-teams"
cp "$fixture/capture-seen.cli.ts" "$work/before/apps/platform/src/fixtures/data-dir-before-teams/"
(cd "$work/before" && run "${embedded[@]}" FIXTURE_COMMIT="$sha" node -r ./tools/register.js \
  apps/platform/src/fixtures/data-dir-before-teams/capture-seen.cli.ts "$fixture/seen-before.json")

pack() {
  (cd "$repo" && node -r ./tools/register.js -e '
    const { writeFileSync } = require("node:fs");
    require("./apps/platform/src/fixtures/data-dir-before-teams/data-dir-archive.ts")
      .packDataDir(process.argv[1])
      .then((archive) => { writeFileSync(process.argv[2], archive); console.log(`${process.argv[2]}: ${archive.length} bytes`); });
  ' "$1" "$2")
}
echo "== packing"
pack "$data" "$fixture/data-dir.tar.br"
du -sh "$data" | sed 's/^/data directory: /'

if [ -n "${DATABASE_URL:-}" ] && command -v kcat >/dev/null 2>&1; then
  echo "== the distributed profile (DATABASE_URL's server, a mock Kafka cluster)"
  mkdir -p "$work/distributed-data"
  (cd "$work/before" && run env DATA_DIR="$work/distributed-data" FIXTURE_COMMIT="$sha" node -r ./tools/register.js \
    apps/platform/src/fixtures/data-dir-before-teams/capture-seen.cli.ts "$fixture/seen-before.distributed.json" --distributed "$work/distributed")
  pack "$work/distributed" "$fixture/distributed.tar.br"
else
  echo "== the distributed profile: skipped (needs DATABASE_URL and kcat); distributed.tar.br is left as it was"
fi
