#!/usr/bin/env python3
"""Crash test (issue #6): nothing acknowledged is lost on kill -9, in a power cut, in a crash of PostgreSQL, or when
the database's disk is full or stalls.

Runs the real `motcua serve` on an SQLite file (or a PostgreSQL database of its own, --postgres), keeps desks sending intakes (each with its own Idempotency-Key)
from several connections, accepting about half of the dossiers received (a transition, with a key of its own), and
kills the server with SIGKILL at random moments, restarting it each time. Every intake whose 201 reached a client is
recorded with its code, every acceptance whose 200 did; every request whose answer was lost in a crash is retried
with the same key after the restart. At the end it checks that:
  - every acknowledged dossier is present, with the applicant that was sent;
  - every acknowledged acceptance is there, once: the dossier in the status it was answered with and one acceptance
    in its history (a retry after a crash moved nothing twice), and no other dossier accepted;
  - no code was issued to two intakes, and retrying any acknowledged key gives back the same code (and creates
    nothing new);
  - the database holds exactly the dossiers acknowledged (nothing half-written, nothing extra);
  - SQLite's integrity_check is ok (on SQLite);
  - the audit trail holds (`motcua audit verify`, which first seals what the killed servers kept but had not
    sealed) and records the receipt of every dossier stored, once.

With --power-cut each kill is a power cut as well: the server keeps its database on a disk whose write cache is lost
(`volatile-disk.c`), and before the restart each database file is put back as it was at its last flush, with any
sectors written since kept or lost at random (all, none, or each by a coin, chosen per cut). With
--disk-ignores-flushes log (what SQLite's synchronous=NORMAL promises) or all, that disk lies about flushes and loses
what it did not write; the test must then fail, which shows that it can.

With --postgres URL the server runs on a new database on that PostgreSQL server (dropped when the test passes), and
--crash database makes each crash one of PostgreSQL itself — every process of its cluster killed at once
(`postgres_server.Cluster`), then started again — while the same MotCua server runs on; --crash both alternates the two.
While the database is down the desks must be answered 503 with a time to retry, never 500, and retry with the same key
as a client would; once it is back, the same server must serve them. --crash freeze stops every process of PostgreSQL
(SIGSTOP) for 8–10 s instead, then lets them go on: its connections stay open and nothing answers on them, as in a
storage stall. The server runs with --database-answer-seconds 2 and must answer every desk within 6 s (503 while
PostgreSQL is frozen), never leave one waiting until PostgreSQL answers again.

With --crash disk (SQLite) nothing is killed: each time, the disk holding the database fills up for a moment, then has
space again (`full_disk.py`: the model `full-disk.c`, or with --disk-folder DIR a small file system of its own mounted
at DIR, really filled). The same promises hold while it is full: 503 with a time to retry, never 500, nothing
acknowledged lost; and once there is space the same server goes on, without a restart. With --postgres URL --crash
disk it is the disk under the test's PostgreSQL database (`PostgresFullDisk`: the same model in every process of the
cluster, restarted with it for the test and without it after; as root, on a server of the test's own): statements
that must grow its files fail with SQLSTATE 53100 (disk_full), while the cluster's own log still has space.

With --crash stall (SQLite) the disk holding the database stops answering flushes, reads and writes for 8–10 s each time, then
answers again (the model `stalled-disk.c`), as a storage array failing over or a paused virtual disk does: the
writer's commit and the readers' reads wait for it. As with PostgreSQL frozen, the server runs with
--database-answer-seconds 2 and must answer every desk within 6 s (503 while the disk is stalled), /healthz must
answer 503 once the writer has been held up past that deadline and 200 after, nothing acknowledged may be lost, and
the same server goes on once the disk answers. Two more desks receive through the desk page, each intake with its
first document's scan attached, kept in the files beside the database (`motcua-tep/`), which stall with it: they too
must be answered within 6 s, and every dossier they were told of must hold its scan, whole.

Usage: crash-test.py [--binary .build/release/motcua] [--kills 10] [--clients 16] [--port N] [--power-cut]
                     [--postgres URL [--crash server|database|both|freeze|disk]] [--crash disk [--disk-folder DIR]]
                     [--crash stall]
Prints one JSON line with the figures; exits non-zero with the first broken promise."""
import argparse, contextlib, hashlib, http.client, json, os, random, shutil, signal, sqlite3, subprocess, sys, tempfile, threading, time, uuid

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..'))
import motcua_process  # noqa: E402
import postgres_server  # noqa: E402
from desk_forms import intake_body, scanned_intake  # noqa: E402
import preload  # noqa: E402
from full_disk import FullDisk, PostgresFullDisk  # noqa: E402
from volatile_disk import VolatileDisk  # noqa: E402

parser = argparse.ArgumentParser()
parser.add_argument('--binary', default='.build/release/motcua')
parser.add_argument('--kills', type=int, default=10)
parser.add_argument('--clients', type=int, default=16)
parser.add_argument('--port', type=int, default=0, help='0: a free port')
parser.add_argument('--seed', type=int, default=None)
parser.add_argument('--power-cut', action='store_true', help='each kill is a power cut of a disk with a write cache')
parser.add_argument('--disk-ignores-flushes', choices=['log', 'all'], default=None,
                    help="with --power-cut: a disk that lies about flushes of the log or of both files (must fail)")
parser.add_argument('--postgres', default=None, help='a PostgreSQL server URL: the test runs on a new database there')
parser.add_argument('--crash', choices=['server', 'database', 'both', 'freeze', 'disk', 'stall'], default='server',
                    help='what each crash is: the MotCua server killed, PostgreSQL killed (with --postgres), each in '
                         'turn, PostgreSQL frozen for a moment, the database\'s disk full for a moment, or the SQLite '
                         'database\'s disk stalled for a moment')
parser.add_argument('--disk-folder', default=None,
                    help='with --crash disk: a small file system of its own (e.g. a tmpfs) to keep the database on and '
                         'fill for real, instead of the model full-disk.c')
args = parser.parse_args()
if args.postgres and (args.power_cut or args.crash == 'stall' or args.disk_folder):
    parser.error('--power-cut, --crash stall and --disk-folder model an SQLite file\'s disk; PostgreSQL keeps its own files')
if args.crash in ('database', 'both', 'freeze') and not args.postgres:
    parser.error(f'--crash {args.crash} needs --postgres')
if args.disk_folder and args.crash != 'disk':
    parser.error('--disk-folder goes with --crash disk')
if args.disk_folder and os.listdir(args.disk_folder):
    parser.error('--disk-folder must be empty: the test fills it, and empties it when it passes')
args.port = args.port or motcua_process.free_port()
rng = random.Random(args.seed)
work = tempfile.mkdtemp(prefix='motcua-crash-')
if args.postgres:
    database, drop_database = postgres_server.fresh_database(args.postgres, 'motcua_crash')
    cluster = postgres_server.Cluster(args.postgres) if args.crash != 'server' else None
else:
    database, drop_database, cluster = os.path.join(args.disk_folder or work, 'motcua.sqlite'), None, None
log = open(os.path.join(work, 'server.log'), 'ab')
lies = {None: (), 'log': ('log',), 'all': ('database', 'log')}[args.disk_ignores_flushes]
disk = VolatileDisk(database, work, lies) if args.power_cut else None
if args.crash != 'disk':
    full_disk = None
elif args.postgres:
    full_disk = PostgresFullDisk(cluster, database, work)
else:
    full_disk = FullDisk(database, work, real_file_system=bool(args.disk_folder))
# The kept files lie beside the SQLite file (`motcua.sqlite` → `motcua-tep/`): a stall holds the two, by their common start.
files_folder = database.removesuffix('.sqlite') + '-tep'
stalled_disk = (preload.FlaggedModel('stalled-disk', 'disk-stall test', database.removesuffix('.sqlite'), work)
                if args.crash == 'stall' else None)


def fail(message):
    print(f'CRASH TEST FAILED: {message}\n(server log: {log.name}; the database is kept: {database})', file=sys.stderr)
    if server is not None and server.poll() is None:
        server.kill()
    sys.exit(1)


# With PostgreSQL frozen or the disk stalled, how long the server waits for the database, and how long a desk waits for
# an answer: a request that meets the freeze waits for a shared round already under way, then its own, at most twice
# the first; the database stays out of reach longer than that, so that a desk left waiting until it answers is caught.
ANSWER_SECONDS = 2
WAITS_FOR_ANSWERS = args.crash in ('freeze', 'stall')
DESK_TIMEOUT = 3 * ANSWER_SECONDS if WAITS_FOR_ANSWERS else 10
# With the disk stalled, desks that attach a scan, as many as Swift's shared pool has threads on a machine of two cores:
# were a scan's flush to hold a thread of that pool, the whole server would stop with them.
SCANNING_DESKS = 2
SCANNING_CSRF = uuid.uuid4().hex  # the scanning desks' browser's anti-forgery token, its cookie and its forms' field


def start():
    env = next((model.env for model in (disk, full_disk, stalled_disk) if model), None)
    options = ('--database-answer-seconds', str(ANSWER_SECONDS)) if WAITS_FOR_ANSWERS else ()
    return motcua_process.start(args.binary, database, args.port, log, env=env, options=options)


def call(method, path, body=None, headers=None):
    return motcua_process.call(args.port, method, path, body, headers=headers)


ACCEPT = {'action': 'tiep-nhan'}
acknowledged = {}   # key -> code, from a 201
in_doubt = set()    # keys sent whose answer never came (the server died with them)
accepted = {}       # code -> (its acceptance's key, the status answered), from a 200
accepts_in_doubt = {}  # acceptance key -> code, sent and not answered
scanned = {}        # code -> the SHA-256 of the scan its desk attached (--crash stall)
scans_in_doubt = set()  # keys of the scanning desks' forms sent and not answered
unavailable = []    # the 503 answers desks had while the database was down, each with its Retry-After
lock = threading.Lock()
running = threading.Event()
broken = []         # what a desk saw that must not happen (a desk's thread cannot end the script itself)
server = None       # the server process running now


def sent(connection, path, body, key, token):
    """One keyed POST on the desk's connection: its status and parsed answer. While the database is out of reach
    (503), sent again with the same key after a pause, as a client told to retry would, until the desk stops."""
    return sent_again_while_unavailable(connection, 'POST', path, json.dumps(body), {
        'Authorization': f'Bearer {token}', 'Content-Type': 'application/json', 'Idempotency-Key': key})[:2]


def sent_again_while_unavailable(connection, method, path, body, headers):
    """The request on the desk's connection: its status, body and response. While the database is out of reach (503),
    sent again as it was after a pause, as a client told to retry would, until the desk stops."""
    while True:
        connection.request(method, path, body=body, headers=headers)
        response = connection.getresponse()
        payload = response.read()
        if response.status != 503:
            return response.status, payload, response
        with lock:
            unavailable.append((unavailable_code(response, payload), response.getheader('Retry-After')))
        if not running.is_set():
            raise ConnectionAbortedError('the desk stopped while the database was out of reach')
        time.sleep(0.2)


def unavailable_code(response, payload):
    """The problem's code of a 503: the API's JSON names it; a page says it in Vietnamese."""
    if 'json' in response.getheader('Content-Type', ''):
        return json.loads(payload).get('code')
    return 'database-unavailable' if 'không truy cập được cơ sở dữ liệu' in payload.decode() else payload.decode()[:200]


def post_scanned_intake(connection, key, token):
    """Posts `key`'s form (`scanned_intake`) on the connection until it is not refused 503; returns the dossier's code
    from the receipt the answer opens, or None, having told `broken` what came instead."""
    body, content_type, scan = scanned_intake(key, SCANNING_CSRF)
    status, payload, response = sent_again_while_unavailable(connection, 'POST', '/can-bo/tiep-nhan', body, {
        'Authorization': f'Bearer {token}', 'Content-Type': content_type, 'Cookie': f'motcua_csrf={SCANNING_CSRF}'})
    receipt = response.getheader('Location') or ''
    if status != 302 or '/mau/01' not in receipt:
        broken.append(f'the desk page answered {status} {receipt}: {payload[:300]!r}')
        return None
    code = receipt.split('/')[-3]
    with lock:
        scans_in_doubt.discard(key)
        acknowledged[key] = code
        scanned[code] = hashlib.sha256(scan).hexdigest()
    return code


def scanning_desk(token):
    """A desk receiving through its page (--crash stall): an intake with the scan of its first document attached, as
    the browser posts the form. Its scan is written and flushed to the kept files, which stall with the database's
    disk: the desk too must be answered within the deadline (503 while the disk stalls, then the same form posted
    again: its submission number receives it once), and each acknowledged dossier must hold its scan, whole."""
    connection = None
    while running.is_set():
        key = str(uuid.uuid4())
        with lock:
            scans_in_doubt.add(key)
        try:
            if connection is None:
                connection = http.client.HTTPConnection('127.0.0.1', args.port, timeout=DESK_TIMEOUT)
            if post_scanned_intake(connection, key, token) is None:
                return
        except TimeoutError:
            broken.append(f'a desk sending a scan had no answer in {DESK_TIMEOUT} s while the disk was stalled (the '
                          f'server gives up on it after {ANSWER_SECONDS} s)')
            return
        except (OSError, http.client.HTTPException):
            connection = None
            time.sleep(0.02)


def desk(token):
    connection = None
    while running.is_set():
        key = str(uuid.uuid4())
        try:
            # In doubt from the moment its first byte may leave: the server may commit it and die before answering.
            with lock:
                in_doubt.add(key)
            if connection is None:
                connection = http.client.HTTPConnection('127.0.0.1', args.port, timeout=DESK_TIMEOUT)
            status, payload = sent(connection, '/api/dossiers', intake_body(key), key, token)
            if status != 201:
                broken.append(f'intake answered {status}: {payload[:300]!r}')
                return
            code = json.loads(payload)['code']
            with lock:
                in_doubt.discard(key)
                acknowledged[key] = code
            if random.random() < 0.5:
                continue
            with lock:
                accepts_in_doubt['accept-' + key] = code
            status, payload = sent(connection, f'/api/dossiers/{code}/transitions', ACCEPT, 'accept-' + key, token)
            if status != 200:
                broken.append(f'accepting {code} answered {status}: {payload[:300]!r}')
                return
            with lock:
                del accepts_in_doubt['accept-' + key]
                accepted[code] = ('accept-' + key, json.loads(payload)['status'])
        except (OSError, http.client.HTTPException) as error:
            if isinstance(error, TimeoutError) and WAITS_FOR_ANSWERS:
                broken.append(f'a desk had no answer in {DESK_TIMEOUT} s while the database was out of reach (the '
                              f'server gives up on it after {ANSWER_SECONDS} s)')
                return
            connection = None
            time.sleep(0.02)


def settle(token):
    """After a restart: every request in doubt is sent again with its key; it is done now or was committed. The
    intakes first, then the acceptances (of dossiers whose 201 came, so durable)."""
    with lock:
        doubtful, acceptances = list(in_doubt), dict(accepts_in_doubt)
        in_doubt.clear()
        accepts_in_doubt.clear()
    headers = {'Authorization': f'Bearer {token}'}
    for key in doubtful:
        status, payload = call('POST', '/api/dossiers', intake_body(key), {**headers, 'Idempotency-Key': key})
        if status != 201:
            fail(f'retrying {key} after a crash answered {status}: {payload}')
        acknowledged[key] = payload['code']
    with lock:
        scans = list(scans_in_doubt)
    for key in scans:
        if post_scanned_intake(http.client.HTTPConnection('127.0.0.1', args.port, timeout=DESK_TIMEOUT), key, token) is None:
            fail(broken[-1])
    for key, code in acceptances.items():
        status, payload = call('POST', f'/api/dossiers/{code}/transitions', ACCEPT, {**headers, 'Idempotency-Key': key})
        if status == 404:
            fail(f'acknowledged dossier {code} was lost: retrying its acceptance after a crash found no such dossier')
        if status != 200:
            fail(f'retrying the acceptance of {code} after a crash answered {status}: {payload}')
        accepted[code] = (key, payload['status'])
    return len(doubtful) + len(scans) + len(acceptances)


def for_a_moment(begin, end, seconds, meanwhile=None):
    """A fault under the desks that the same MotCua server outlives: `begin` it, `end` it `seconds` later (having run
    `meanwhile`, if given), then give the desks, answered 503 meanwhile, a second for their retries and new requests to
    reach that server again."""
    begin()
    started = time.time()
    if meanwhile:
        meanwhile()
    time.sleep(max(0.0, seconds - (time.time() - started)))
    end()
    time.sleep(1.0)


def stalled_for(seconds):
    """The disk stalled for `seconds`; once the server has been held up past the deadline, /healthz must say so (503),
    within the deadline of its own, and once the disk answers again, that all is well."""
    def health_says_held_up():
        time.sleep(ANSWER_SECONDS + 1.0)
        try:
            status, payload = motcua_process.call(args.port, 'GET', '/healthz', timeout=DESK_TIMEOUT)
        except TimeoutError:
            broken.append(f'/healthz had no answer in {DESK_TIMEOUT} s with the disk stalled (the server gives up on it '
                          f'after {ANSWER_SECONDS} s)')
            return
        if status != 503 or payload.get('code') != 'database-unavailable':
            broken.append(f'/healthz answered {status} {payload} with the disk stalled for {ANSWER_SECONDS + 1} s')
    for_a_moment(stalled_disk.begin, stalled_disk.end, seconds, meanwhile=health_says_held_up)
    status, payload = call('GET', '/healthz')
    if status != 200:
        broken.append(f'/healthz answered {status} {payload} a second after the disk answered again')


# The faults the server runs on through, each for a moment: PostgreSQL killed and started again, PostgreSQL frozen
# or the database's disk stalled for longer than the server waits for it, the database's disk full.
FAULTS = {
    'database': lambda: for_a_moment(cluster.crash, cluster.start, rng.uniform(0.2, 1.0)),
    'freeze': lambda: for_a_moment(cluster.freeze, cluster.thaw, rng.uniform(4.0, 5.0) * ANSWER_SECONDS),
    'disk': lambda: for_a_moment(full_disk.fill, full_disk.free, rng.uniform(0.2, 1.0)),
    'stall': lambda: stalled_for(rng.uniform(4.0, 5.0) * ANSWER_SECONDS),
}


server = start()
token = motcua_process.sign_in(args.port)
retried = 0
sectors_kept = sectors_lost = 0
crashes = {'server': 0, 'database': 0, 'freeze': 0, 'disk': 0, 'stall': 0}
started = time.time()
for kill in range(args.kills):
    what = args.crash if args.crash != 'both' else ('server', 'database')[kill % 2]
    crashes[what] += 1
    running.set()
    desks = [threading.Thread(target=desk, args=(token,), daemon=True) for _ in range(args.clients)]
    if args.crash == 'stall':
        desks += [threading.Thread(target=scanning_desk, args=(token,), daemon=True) for _ in range(SCANNING_DESKS)]
    for thread in desks:
        thread.start()
    time.sleep(rng.uniform(0.3, 2.0))
    if what in FAULTS:
        FAULTS[what]()
    else:
        server.send_signal(signal.SIGKILL)
        server.wait()
    running.clear()
    for thread in desks:
        thread.join()
    if broken:
        fail(broken[0])
    if disk:
        kept, lost = disk.power_comes_back(rng, 0.0 if args.disk_ignores_flushes else rng.choice([0.0, 0.5, 1.0]))
        sectors_kept, sectors_lost = sectors_kept + kept, sectors_lost + lost
    if what == 'server':
        server = start()
    elif server.poll() is not None:
        fail(f'the server exited ({server.returncode}) when its {what} failed, instead of answering 503 until it was back')
    if args.disk_ignores_flushes:
        token = motcua_process.sign_in(args.port)  # a lying disk may have lost the session; an honest one may not
    retried += settle(token)
if args.crash in ('disk', 'freeze', 'stall') and not unavailable:
    fail(f'{args.crash}: {args.kills} times and no request was refused: the fault never reached the server')
wrong = [answer for answer in unavailable if answer != ('database-unavailable', '5')]
if wrong:
    fail(f'{len(wrong)} answers 503 while the database was out of reach were not database-unavailable with Retry-After: 5, '
         f'e.g. {wrong[0]}')

# Every acknowledged key, retried once more, answers with the same code and creates nothing.
sample = rng.sample(sorted(acknowledged), min(200, len(acknowledged)))
for key in sample:
    if acknowledged[key] in scanned:  # received at the desk page: the same form posted again
        first = acknowledged[key]
        again = post_scanned_intake(http.client.HTTPConnection('127.0.0.1', args.port, timeout=DESK_TIMEOUT), key, token)
        if again != first:
            fail(f'acknowledged dossier {first} (form {key}) was lost: the same form posted again gave {again}: {broken[-1:]}')
        continue
    status, payload = call('POST', '/api/dossiers', intake_body(key), {'Authorization': f'Bearer {token}', 'Idempotency-Key': key})
    if status == 201 and payload['code'] != acknowledged[key]:
        fail(f'acknowledged dossier {acknowledged[key]} (key {key}) was lost: a retry made a new one, {payload["code"]}')
    if status != 201:
        fail(f'a retry of acknowledged key {key} answered {status} {payload}, not its code {acknowledged[key]}')
# So does every acknowledged acceptance: its first answer, and nothing moves (counted below).
for code in rng.sample(sorted(accepted), min(200, len(accepted))):
    key, answered = accepted[code]
    status, payload = call('POST', f'/api/dossiers/{code}/transitions', ACCEPT, {'Authorization': f'Bearer {token}', 'Idempotency-Key': key})
    if status != 200 or payload['status'] != answered:
        fail(f'a retry of the acceptance of {code} answered {status} {payload}, not status {answered}')
server.send_signal(signal.SIGTERM)
server.wait()


def query(sql):
    """The rows of `sql` on the test's database, whichever engine holds it."""
    if args.postgres:
        return postgres_server.rows(database, sql)
    with contextlib.closing(sqlite3.connect(database)) as db:
        return db.execute(sql).fetchall()


codes = list(acknowledged.values())
if len(set(codes)) != len(codes):
    fail('one code was issued to two intakes')
integrity = None
if not args.postgres:
    integrity = query('PRAGMA integrity_check')[0][0]
    if integrity != 'ok':
        fail(f'integrity_check: {integrity}')
applicant = "(body::json)->'applicant'->>'name'" if args.postgres else "json_extract(body, '$.applicant.name')"
# The applicant as the dossier's whole text (written at intake, in a table of its own) names them.
stored = dict(query(f'SELECT code, {applicant} FROM dossiers JOIN dossier_texts USING (code)'))
missing = [code for code in codes if code not in stored]
if missing:
    fail(f'{len(missing)} acknowledged dossiers are missing, e.g. {missing[:3]}')
for key, code in acknowledged.items():
    if stored[code] != f'Người nộp {key}':
        fail(f'dossier {code} does not hold what was sent with {key}')
extra = set(stored) - set(codes)
if extra:
    fail(f'{len(extra)} dossiers nobody was told about, e.g. {sorted(extra)[:3]}')
statuses = {code: int(status) for code, status in query('SELECT code, status FROM dossiers')}
acceptances = {code: int(count) for code, count in
               query("SELECT dossier_code, COUNT(*) FROM dossier_events WHERE action = 'tiep-nhan' GROUP BY dossier_code")}
for code in codes:
    if code in accepted and (statuses[code] != accepted[code][1] or acceptances.get(code) != 1):
        fail(f'dossier {code}, whose acceptance was acknowledged with status {accepted[code][1]}, has status '
             f'{statuses[code]} and {acceptances.get(code, 0)} acceptances in its history')
    if code not in accepted and code in acceptances:
        fail(f'dossier {code} was accepted, but no acceptance of it was acknowledged')
kept_scans = dict(query('SELECT dossier_code, sha256 FROM dossier_files'))
for code, digest in scanned.items():
    if kept_scans.get(code) != digest:
        fail(f'dossier {code}, received with a scan, holds {kept_scans.get(code)} instead of its scan {digest}')
    with open(os.path.join(files_folder, digest), 'rb') as kept:
        if hashlib.sha256(kept.read()).hexdigest() != digest:
            fail(f'the scan of dossier {code} is not whole in the kept files')
verified = subprocess.run([args.binary, 'audit', 'verify', '--database', database], capture_output=True, text=True)
if verified.returncode != 0:
    fail(f'the audit trail does not hold: {verified.stdout}{verified.stderr}')
received = [code for (code,) in query("SELECT subject FROM audit_log WHERE action = 'ho-so.nhan-ho-so'")]
if sorted(received) != sorted(stored):
    fail(f'the audit trail records {len(received)} receipts ({len(set(received))} dossiers) for {len(stored)} dossiers stored')
figures = {'database': 'postgresql' if args.postgres else 'sqlite', 'kills': args.kills,
           'server_kills': crashes['server'], 'database_crashes': crashes['database'],
           'database_freezes': crashes['freeze'], 'disk_fills': crashes['disk'], 'disk_stalls': crashes['stall'],
           'acknowledged': len(codes), 'acceptances_acknowledged': len(accepted), 'in_doubt_retried': retried,
           'answered_503_while_down': len(unavailable), 'stored': len(stored), 'audit_receipts': len(received),
           'scans_kept': len(scanned),
           'seconds': round(time.time() - started, 1)}
if integrity:
    figures['integrity_check'] = integrity
if disk:
    figures.update(power_cuts=args.kills, unsynced_sectors_kept=sectors_kept, unsynced_sectors_lost=sectors_lost)
print(json.dumps(figures))
if drop_database:
    drop_database()
shutil.rmtree(work, ignore_errors=True)  # kept when a check failed, for the database and the server's log
for name in os.listdir(args.disk_folder) if args.disk_folder else ():
    path = os.path.join(args.disk_folder, name)
    shutil.rmtree(path) if os.path.isdir(path) else os.remove(path)
