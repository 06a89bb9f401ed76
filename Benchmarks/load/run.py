#!/usr/bin/env python3
"""Load test (issue #6): wrk against the real `motcua serve` on loopback.

Scenarios, each for --duration seconds with --connections connections on --threads wrk threads:
  ceiling     GET the stylesheet: MotCua's own stack (router, middleware) with no database — the machine's ceiling
  intake      POST /api/dossiers, every request a new dossier with its own Idempotency-Key
  lookup      GET /api/dossiers/{code} of the dossiers the intake run made
  transition  POST /api/dossiers/{code}/transitions, each of those dossiers accepted once
  mixed       of every 5 requests: 1 intake, 1 transition, 3 lookups

The intake run lasts twice --duration and the transition and mixed runs half of it, so that every transition
finds a dossier of its own among those the intake made (each is accepted once; a second accept would be a 409).
--database is an SQLite file (default: a new one in a temporary folder) or a postgres:// URL; --servers 2 runs two
server processes on it, each driven by its own wrk (PostgreSQL only: SQLite is one process's file).
Each line also gives how many writes went together (writes_per_commit, from the servers' /metrics: on SQLite the
writes per commit of the one writer, on PostgreSQL the intakes per statement), the CPU time the server processes
spent per answered request (cpu_us_per_request: user and system time from /proc over the scenario) and that of
their busiest thread (busiest_thread_us_per_request: on SQLite the writer's thread, whose time per write bounds what
one server can commit on any machine), and that time by kind of thread (cpu_us_per_request_by_thread: the event
loops that read and write HTTP, the handlers, SQLite's readers, its writer and its checkpointer).
Prints one JSON line per scenario and two Markdown tables; the lines are also appended to Benchmarks/results/.
80 connections by default: of 64, 80, 96 and 112 on this machine's two cores, the most intakes with p99 under 25 ms
(docs/PERFORMANCE.md, session 33).

Usage: run.py [--binary .build/release/motcua] [--database URL] [--servers 1] [--duration 10] [--connections 80]"""
import argparse, datetime, json, os, shutil, subprocess, sys, tempfile, urllib.request

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..'))
import motcua_process  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
parser = argparse.ArgumentParser()
parser.add_argument('--binary', default='.build/release/motcua')
parser.add_argument('--database', default=None)
parser.add_argument('--servers', type=int, default=1)
parser.add_argument('--duration', type=int, default=10)
parser.add_argument('--connections', type=int, default=80)
parser.add_argument('--threads', type=int, default=2)
parser.add_argument('--port', type=int, default=18280)
parser.add_argument('--scenarios', default='ceiling,intake,lookup,transition,mixed')
args = parser.parse_args()
work = tempfile.mkdtemp(prefix='motcua-load-')
database = args.database or os.path.join(work, 'motcua.sqlite')
postgres = database.startswith('postgres')
if args.servers > 1 and not postgres:
    sys.exit('--servers 2 needs a postgres:// database')
run_id = datetime.datetime.now().strftime('%Y%m%d-%H%M%S')


def registered_codes(limit=400_000):
    """Codes of dossiers still waiting to be accepted, for the transition scenarios."""
    query = f'SELECT code FROM dossiers WHERE status = 1 ORDER BY code LIMIT {limit}'
    if postgres:
        out = subprocess.run(['psql', database, '-At', '-c', query], capture_output=True, text=True, check=True).stdout
        return out.split()
    import sqlite3
    return [row[0] for row in sqlite3.connect(database).execute(query)]


def seconds(scenario):
    return {'intake': args.duration * 2, 'transition': max(1, args.duration // 2), 'mixed': max(1, args.duration // 2)}.get(scenario, args.duration)


def thread_kind(name):
    """What a server thread does, by the name MotCua or its libraries give it."""
    if name == 'motcua-writer':
        return 'writer'
    if name == 'motcua-ckpt':
        return 'checkpointer'
    if name == 'motcua-reader':
        return 'readers'
    if name.startswith('NIO-'):
        return 'event loops'
    return 'handlers'  # Swift concurrency's pool: the request handlers, and any other thread


def cpu_ticks(pid):
    """The process's user and system time in clock ticks, in all and for each of its threads (by id: its kind and
    ticks)."""
    def ticks(stat_path):
        with open(stat_path) as stat:
            fields = stat.read().rsplit(')', 1)[1].split()
        return int(fields[11]) + int(fields[12])
    threads = {}
    for tid in os.listdir(f'/proc/{pid}/task'):
        try:
            with open(f'/proc/{pid}/task/{tid}/comm') as comm:
                threads[tid] = (thread_kind(comm.read().strip()), ticks(f'/proc/{pid}/task/{tid}/stat'))
        except OSError:
            pass  # the thread ended meanwhile
    return ticks(f'/proc/{pid}/stat'), threads


def cpu_per_request(before, after, requests):
    """Microseconds of CPU per request: the servers' in all, their busiest thread's, and by kind of thread."""
    per_tick = 1_000_000 / os.sysconf('SC_CLK_TCK') / max(1, requests)
    total = sum(after[i][0] - before[i][0] for i in range(len(before)))
    spent = [(kind, ticks - before[i][1].get(tid, (kind, 0))[1]) for i in range(len(before))
             for tid, (kind, ticks) in after[i][1].items()]
    by_kind = {}
    for kind, ticks in spent:
        by_kind[kind] = by_kind.get(kind, 0) + ticks
    return (round(total * per_tick), round(max(ticks for _, ticks in spent) * per_tick),
            {kind: round(ticks * per_tick) for kind, ticks in sorted(by_kind.items())})


def write_counts(port):
    """The writes the server made and the commits (SQLite) or statements (PostgreSQL) they went in, from /metrics."""
    with urllib.request.urlopen(f'http://127.0.0.1:{port}/metrics', timeout=10) as response:
        samples = dict(line.rsplit(' ', 1) for line in response.read().decode().splitlines() if line and not line.startswith('#'))
    if postgres:
        return (int(samples['motcua_postgres_round_writes_total{kind="numbered"}']),
                int(samples['motcua_postgres_round_statements_total{kind="numbered"}']))
    return int(samples['motcua_sqlite_writes_total']), int(samples['motcua_sqlite_commits_total'])


def writes_per_commit(before, after):
    writes = sum(a[0] - b[0] for b, a in zip(before, after))
    commits = sum(a[1] - b[1] for b, a in zip(before, after))
    return round(writes / commits, 1) if commits else None


def wrk(scenario, port, token, codes_file):
    env = dict(os.environ, LOAD_DIR=HERE, TOKEN=token, SCENARIO=scenario, CODES=codes_file, RUN=f'{run_id}-{port}',
               THREADS=str(args.threads))
    return subprocess.Popen(['wrk', '-t', str(args.threads), '-c', str(args.connections), '-d', f'{seconds(scenario)}s',
                             '--timeout', '10s', '-s', os.path.join(HERE, f'{scenario}.lua'), f'http://127.0.0.1:{port}'],
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)


ports = [args.port + index for index in range(args.servers)]
logs = [open(os.path.join(work, f'server-{port}.log'), 'ab') for port in ports]
servers = []
for index, port in enumerate(ports):
    # One after another: the first prepares the database.
    servers.append(motcua_process.start(args.binary, database, port, logs[index], sla_watch_seconds=60))
tokens = [motcua_process.sign_in(port) for port in ports]
results = []
shares = {}
try:
    for scenario in args.scenarios.split(','):
        if scenario in ('lookup', 'transition', 'mixed') and not shares:
            # Made once, after the intake run: the transition run takes two thirds, the mixed run the rest.
            made = registered_codes()
            cut = len(made) * 2 // 3
            shares = {'lookup': made, 'transition': made[:cut], 'mixed': made[cut:]}
        codes = shares.get(scenario, [])
        if scenario in ('lookup', 'transition', 'mixed') and not codes:
            sys.exit(f'{scenario}: no dossiers to use; run the intake scenario first')
        files = []
        for index in range(args.servers):
            path = os.path.join(work, f'codes-{scenario}-{index}.txt')
            with open(path, 'w') as out:
                out.write('\n'.join(codes[index::args.servers]) or 'none')
            files.append(path)
        cpu_before = [cpu_ticks(server.pid) for server in servers]
        writes_before = [write_counts(port) for port in ports]
        runs = [wrk(scenario, port, tokens[index], files[index]) for index, port in enumerate(ports)]
        lines = []
        for index, process in enumerate(runs):
            output = process.communicate()[0]
            found = [line for line in output.splitlines() if line.startswith('{"scenario"')]
            if process.returncode != 0 or not found:
                sys.exit(f'wrk {scenario} failed:\n{output}')
            lines.append(json.loads(found[-1]))
        cpu_us, busiest_us, by_thread = cpu_per_request(cpu_before, [cpu_ticks(server.pid) for server in servers],
                                             sum(line['requests'] for line in lines))
        together = writes_per_commit(writes_before, [write_counts(port) for port in ports])
        result = {'scenario': scenario, 'database': 'postgresql' if postgres else 'sqlite', 'servers': args.servers,
                  'connections': args.connections * args.servers, 'seconds': seconds(scenario),
                  'requests': sum(line['requests'] for line in lines), 'rps': round(sum(line['rps'] for line in lines), 1),
                  'p50_ms': max(line['p50_ms'] for line in lines), 'p99_ms': max(line['p99_ms'] for line in lines),
                  'max_ms': max(line['max_ms'] for line in lines), 'non2xx': sum(line['non2xx'] for line in lines),
                  'socket_errors': sum(line['socket_errors'] for line in lines),
                  'writes_per_commit': together, 'cpu_us_per_request': cpu_us, 'busiest_thread_us_per_request': busiest_us,
                  'cpu_us_per_request_by_thread': by_thread, 'at': run_id}
        results.append(result)
        print(json.dumps(result, ensure_ascii=False), flush=True)
finally:
    for server in servers:
        server.terminate()
        server.wait()
# The work folder (the database, the servers' logs) stays only when a scenario failed, for its logs.
shutil.rmtree(work, ignore_errors=True)
os.makedirs(os.path.join(HERE, '..', 'results'), exist_ok=True)
with open(os.path.join(HERE, '..', 'results', f'load-{run_id}.jsonl'), 'a') as out:
    for result in results:
        out.write(json.dumps(result, ensure_ascii=False) + '\n')
print('\n| Scenario | Database | Servers | req/s | p50 | p99 | non-2xx | writes/commit | CPU µs/req | busiest thread µs/req |'
      '\n|---|---|---:|---:|---:|---:|---:|---:|---:|---:|')
for r in results:
    print(f"| {r['scenario']} | {r['database']} | {r['servers']} | {r['rps']:,.0f} | {r['p50_ms']:.1f} ms | {r['p99_ms']:.1f} ms "
          f"| {r['non2xx']} | {r['writes_per_commit'] or '–'} | {r['cpu_us_per_request']} | {r['busiest_thread_us_per_request']} |")
kinds = ['event loops', 'handlers', 'readers', 'writer', 'checkpointer']
print('\n| Scenario | Database | CPU µs/req: ' + ' | '.join(kinds) + ' |\n|---|---|' + '---:|' * len(kinds))
for r in results:
    spent = r['cpu_us_per_request_by_thread']
    print(f"| {r['scenario']} | {r['database']} | " + ' | '.join(str(spent.get(kind, '–')) for kind in kinds) + ' |')
