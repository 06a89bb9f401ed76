#!/usr/bin/env bash
# The engine race (issue #3): SpiffWorkflow 3.2 and MotCua on the same 5-step process with a 10% supplement
# loop, 10,000 instances, one after the other on this machine, in the same run:
#   - in memory (engine alone);
#   - durable after every step in SQLite (WAL), synchronous=NORMAL and FULL;
#   - the peer's stateless round trip per step (load → step → save, as a server does it).
# MotCua's durable runs take each step as its server does: worked out from the dossier as last committed (held by
# the server that committed it, else read), saved only if nobody moved it since, and answered only once committed;
# group commit gathers the steps of the dossiers moving at once (--concurrency). Each MotCua line also gives the
# CPU each write cost the process and the writer's thread.
# Needs python3-venv (Debian) and PyPI for spiffworkflow==3.2.0. Results: results/engine-race-*.jsonl and a
# table on stdout (docs/PERFORMANCE.md records it).
set -euo pipefail
cd "$(dirname "$0")"
N=${N:-10000}
CONCURRENCY=${CONCURRENCY:-256}
venv=.venv-spiff
if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q spiffworkflow==3.2.0
fi
bash ../script/release-build.sh --product EngineRace
race=.build/release/EngineRace
mkdir -p results
out=results/engine-race-$(date +%Y%m%d-%H%M%S).jsonl
peer() { "$venv/bin/python" peer/spiffworkflow/spiff_bench.py -n "$N" "$@" | tee -a "$out"; }
motcua() { "$race" -n "$N" --bpmn EngineRace/mot_cua.motcua.bpmn "$@" | tee -a "$out"; }

peer --mode mem
motcua --mode mem
for sync in NORMAL FULL; do
  peer --mode sqlite --sync "$sync"
  peer --mode sqlite-rt --sync "$sync"
  motcua --mode sqlite --sync "$sync" --concurrency "$CONCURRENCY"
done
python3 race-table.py "$out"
