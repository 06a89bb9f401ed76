#!/usr/bin/env bash
# Issue #6 in one command: the load runs (SQLite; PostgreSQL with two servers when a URL is given), a sign-in storm
# (other requests' latency while officers sign in at once), the crash
# test (kill -9 ×10), the power-cut test (×10, and once on a disk that lies, which must fail), the disk-full test (the
# database's disk full for a moment ×10; MOTCUA_FULL_DISK_FOLDER=DIR, an empty small file system of its own such as a
# tmpfs, fills a real one instead of the model full-disk.c), the stall test (its flushes, reads and writes held for 8-10 s
# ×5, the model stalled-disk.c), with a URL the crash test on PostgreSQL (MotCua and PostgreSQL itself killed in turn:
# every process of the cluster serving that URL gets SIGKILL five times, then SIGSTOP for a few seconds five times,
# then is restarted with the model full-disk.c for ten fills of its database's disk — run it as root, on a server of
# its own) and the race test (two servers, 1,000 dossiers), and the fuzz run (on SQLite, and with a URL on PostgreSQL
# too), on a release build.
#   bash Benchmarks/load-and-faults.sh [postgres://user:pass@127.0.0.1:5432/db]
# Needs wrk (apt-get install wrk), a C compiler (for the disk models in Benchmarks/reliability/*.c) and schemathesis
# (pip install schemathesis); the PostgreSQL role must be allowed to create databases. Figures go to stdout and
# Benchmarks/results/; docs/PERFORMANCE.md and docs/RELIABILITY.md record a run.
set -euo pipefail
cd "$(dirname "$0")/.."
postgres="${1:-}"
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 2; }
bash script/release-build.sh --product motcua
binary=.build/release/motcua

echo "== Load, SQLite, one server"
python3 Benchmarks/load/run.py --binary "$binary" --duration 10
echo "== Sign-in storm: /healthz while 0, 4 and 8 officers sign in at once (bcrypt)"
python3 Benchmarks/load/sign-in-storm.py --binary "$binary" --signers 0,4,8
# The URL of a database of this run's own on the same PostgreSQL (created here, dropped at the end).
own_database() {
  psql "$postgres" -qc "CREATE DATABASE $1"
  python3 -c 'import sys,urllib.parse as u; p=u.urlsplit(sys.argv[1]); print(u.urlunsplit(p._replace(path="/"+sys.argv[2])))' "$postgres" "$1"
}
if [ -n "$postgres" ]; then
  load_db="motcua_load_$$"
  fuzz_db="motcua_fuzz_$$"
  trap 'psql "$postgres" -qc "DROP DATABASE IF EXISTS $load_db" -qc "DROP DATABASE IF EXISTS $fuzz_db"' EXIT
  echo "== Load, PostgreSQL, two servers"
  python3 Benchmarks/load/run.py --binary "$binary" --duration 10 --servers 2 --connections 32 --database "$(own_database "$load_db")"
fi
echo "== Crash test: kill -9 under intake load, 10 times"
python3 Benchmarks/reliability/crash-test.py --binary "$binary" --kills 10 --clients 16
echo "== Power-cut test: the disk's write cache lost under intake load, 10 times"
python3 Benchmarks/reliability/crash-test.py --binary "$binary" --kills 10 --clients 16 --power-cut
echo "== The same on a disk that does not flush the log when told (what synchronous=NORMAL promises): must fail"
if python3 Benchmarks/reliability/crash-test.py --binary "$binary" --kills 3 --clients 16 --power-cut \
    --disk-ignores-flushes log; then
  echo "the power-cut test passed on a disk that loses the log: it cannot tell" >&2
  exit 1
fi
echo "== Disk-full test: the database's disk full for a moment under intake load, 10 times, the same server running on"
python3 Benchmarks/reliability/crash-test.py --binary "$binary" --kills 10 --clients 16 --crash disk \
  ${MOTCUA_FULL_DISK_FOLDER:+--disk-folder "$MOTCUA_FULL_DISK_FOLDER"}
echo "== Stall test: the database's disk not answering flushes, reads or writes for 8-10 s, 5 times; every desk answered within 6 s"
python3 Benchmarks/reliability/crash-test.py --binary "$binary" --kills 5 --clients 16 --crash stall
echo "== Backup test: 5 backups taken while desks receive; each verified and consistent, the last restored and served"
python3 Benchmarks/reliability/backup-test.py --binary "$binary" --backups 5 --clients 16
if [ -n "$postgres" ]; then
  echo "== Crash test on PostgreSQL: MotCua killed, then PostgreSQL itself, in turn, 10 times"
  python3 Benchmarks/reliability/crash-test.py --binary "$binary" --kills 10 --clients 16 --postgres "$postgres" --crash both
  echo "== Freeze test on PostgreSQL: its processes stopped (SIGSTOP) for 8-10 s, 5 times; every desk answered within 6 s"
  python3 Benchmarks/reliability/crash-test.py --binary "$binary" --kills 5 --clients 16 --postgres "$postgres" --crash freeze
  echo "== Disk-full test on PostgreSQL: the disk under its database full for a moment, 10 times (the cluster restarted with the model)"
  python3 Benchmarks/reliability/crash-test.py --binary "$binary" --kills 10 --clients 16 --postgres "$postgres" --crash disk
  echo "== Race test: two servers, 1,000 dossiers, accept against refuse"
  python3 Benchmarks/reliability/race-test.py --binary "$binary" --postgres "$postgres" --dossiers 1000
fi
echo "== Fuzzing: schemathesis against /openapi.yaml"
python3 Benchmarks/reliability/fuzz.py --binary "$binary" --max-examples 50
if [ -n "$postgres" ]; then
  echo "== Fuzzing on PostgreSQL, whose text columns refuse what SQLite keeps (U+0000)"
  python3 Benchmarks/reliability/fuzz.py --binary "$binary" --max-examples 50 --database "$(own_database "$fuzz_db")"
fi
