#!/usr/bin/env bash
# The PostgreSQL extension (pg/): installs its tools when missing, builds,
# installs into Debian's PostgreSQL 15 and runs its tests against a real
# server run by an unprivileged user. See pg/README.md.
set -euo pipefail
cd "$(dirname "$0")/../.."
bash pg/run-tests.sh
