#!/usr/bin/env python3
"""Backup test (sao lưu): backups taken while desks receive are whole, consistent, and restore to a working server.

Runs the real `motcua serve` on a new SQLite file. Desks send intakes through the API (each with its own
Idempotency-Key) from --clients connections, and two more receive through the desk page with a scan attached. Every
second or two, `motcua backup create` takes a backup into a new folder while they post. Then, the desks and the
server stopped, it checks that:
  - every backup passes `motcua backup verify` (its manifest, SQLite's integrity, the audit chain, every kept file);
  - each holds every dossier whose 201 came before its copy began (the moment its manifest records, which must fall
    within the command), and none that was sent after the command ended: a copy of one moment;
  - each dossier with a scan in a backup has that scan, whole, in the backup's files;
  - the last backup, restored by `motcua backup restore` into a new file, runs a server that answers for its
    dossiers as they were sent, and gives back a scan whole; and it refuses to restore onto that file again.
It prints how fast the desks were answered while a backup ran and while none did: a backup takes a long read
transaction and reads the whole database, which the writer must live with.

Usage: backup-test.py [--binary .build/release/motcua] [--backups 5] [--clients 16] [--seed N]
Prints one JSON line with the figures; exits non-zero with the first broken promise."""
import argparse, datetime, hashlib, http.client, json, os, random, shutil, sqlite3, subprocess, sys, tempfile, threading, time, uuid

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..'))
import motcua_process  # noqa: E402
from desk_forms import intake_body, scanned_intake  # noqa: E402

parser = argparse.ArgumentParser()
parser.add_argument('--binary', default='.build/release/motcua')
parser.add_argument('--backups', type=int, default=5)
parser.add_argument('--clients', type=int, default=16)
parser.add_argument('--seed', type=int, default=None)
args = parser.parse_args()
seed = args.seed if args.seed is not None else random.randrange(1 << 30)
random.seed(seed)
work = tempfile.mkdtemp(prefix='motcua-backup-')
database = os.path.join(work, 'motcua.sqlite')
port = motcua_process.free_port()
log = open(os.path.join(work, 'server.log'), 'w')
CSRF = uuid.uuid4().hex

lock = threading.Lock()
running = threading.Event()
answered = {}    # key -> (code, the moment it was sent, the moment its answer came)
scans = {}       # code -> SHA-256 of its scan
latencies = []   # (the moment an intake was sent, seconds to its answer)
broken = []      # what a desk saw that must not happen


def fail(message):
    print(f'BACKUP TEST FAILED: {message} (seed {seed}; files in {work})')
    sys.exit(1)


def desk(token, scanning):
    connection = http.client.HTTPConnection('127.0.0.1', port, timeout=30)
    while running.is_set():
        key = str(uuid.uuid4())
        if scanning:
            body, content_type, scan = scanned_intake(key, CSRF)
            headers = {'Authorization': f'Bearer {token}', 'Content-Type': content_type, 'Cookie': f'motcua_csrf={CSRF}'}
            path = '/can-bo/tiep-nhan'
        else:
            body, scan = json.dumps(intake_body(key)), None
            headers = {'Authorization': f'Bearer {token}', 'Content-Type': 'application/json', 'Idempotency-Key': key}
            path = '/api/dossiers'
        sent = time.time()
        connection.request('POST', path, body=body, headers=headers)
        response = connection.getresponse()
        payload = response.read()
        came = time.time()
        if scanning:
            receipt = response.getheader('Location') or ''
            if response.status != 302 or '/mau/01' not in receipt:
                broken.append(f'the desk page answered {response.status} {receipt}: {payload[:300]!r}')
                return
            code = receipt.split('/')[-3]
        else:
            if response.status != 201:
                broken.append(f'intake answered {response.status}: {payload[:300]!r}')
                return
            code = json.loads(payload)['code']
        with lock:
            answered[key] = (code, sent, came)
            latencies.append((sent, came - sent))
            if scan is not None:
                scans[code] = hashlib.sha256(scan).hexdigest()


def motcua(*arguments):
    """Runs a `motcua` command; its exit status and what it printed."""
    done = subprocess.run([args.binary, *arguments], capture_output=True, text=True)
    return done.returncode, done.stdout + done.stderr


def stored(backup):
    """The codes and applicants' names of the dossiers in a backup's database."""
    with sqlite3.connect(f'file:{os.path.join(backup, "motcua.sqlite")}?mode=ro', uri=True) as db:
        # The applicant as the dossier's whole text (written at intake, in a table of its own) names them.
        return dict(db.execute("SELECT code, json_extract(body, '$.applicant.name') FROM dossiers JOIN dossier_texts USING (code)"))


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))] if ordered else None


server = motcua_process.start(args.binary, database, port, log)
token = motcua_process.sign_in(port)
running.set()
desks = [threading.Thread(target=desk, args=(token, i >= args.clients), daemon=True) for i in range(args.clients + 2)]
for thread in desks:
    thread.start()
backups = []  # (folder, the moment it began, the moment it ended, seconds)
time.sleep(1)
for number in range(args.backups):
    folder = os.path.join(work, f'sao-luu-{number + 1}')
    began = time.time()
    status, output = motcua('backup', 'create', '--database', database, '--to', folder)
    ended = time.time()
    if status != 0:
        fail(f'backup {number + 1} while the desks received: exit {status}: {output}')
    backups.append((folder, began, ended))
    if broken:
        fail(broken[0])
    time.sleep(random.uniform(0.5, 1.5))
running.clear()
for thread in desks:
    thread.join(timeout=60)
server.terminate()
server.wait(timeout=30)
if broken:
    fail(broken[0])

for folder, began, ended in backups:
    status, output = motcua('backup', 'verify', folder)
    if status != 0 or 'Bản sao lưu nguyên vẹn' not in output:
        fail(f'{folder} does not verify: {output}')
    held = stored(folder)
    with open(os.path.join(folder, 'sao-luu.json')) as manifest:
        taken = datetime.datetime.fromisoformat(json.load(manifest)['takenAt'].replace('Z', '+00:00')).timestamp()
    if not began <= taken <= ended:
        fail(f'{folder}: its copy began at {taken}, outside the command ({began} to {ended})')
    for key, (code, sent, came) in answered.items():
        if came < taken and held.get(code) != f'Người nộp {key}':
            fail(f'{folder}: dossier {code}, acknowledged before its copy began, is not in it as sent ({held.get(code)!r})')
        if sent > ended and code in held:
            fail(f'{folder}: dossier {code}, sent after the backup ended, is in it')
    kept = os.path.join(folder, 'tep')
    for code in held:
        if code in scans and not os.path.exists(os.path.join(kept, scans[code])):
            fail(f'{folder}: dossier {code} is in the backup without its scan')
    with open(os.path.join(folder, 'sao-luu.json')) as manifest:
        if json.load(manifest)['dossiers'] != len(held):
            fail(f'{folder}: its manifest counts other dossiers than its database holds')

last = backups[-1][0]
restored = os.path.join(work, 'khoi-phuc.sqlite')
status, output = motcua('backup', 'restore', last, '--database', restored)
if status != 0:
    fail(f'restoring {last}: {output}')
status, output = motcua('backup', 'restore', last, '--database', restored)
if status == 0 or 'đã có' not in output:
    fail(f'a second restore onto the restored database was not refused: {output}')
port = motcua_process.free_port()
second = motcua_process.start(args.binary, restored, port, log)
try:
    token = motcua_process.sign_in(port)
    held = stored(last)
    sample = random.sample(sorted(held), min(20, len(held)))
    for code in sample:
        status, dossier = motcua_process.call(port, 'GET', f'/api/dossiers/{code}', token=token)
        if status != 200 or dossier['applicant']['name'] != held[code]:
            fail(f'the restored server answered {status} for {code}: {dossier!r:.300}')
    with_scan = next((code for code in sorted(held) if code in scans), None)
    if with_scan is None:
        fail('the last backup holds no dossier with a scan; nothing to download')
    status, body = motcua_process.call(port, 'GET', f'/can-bo/ho-so/{with_scan}/tep/0', token=token)
    if status != 200 or hashlib.sha256(body).hexdigest() != scans[with_scan]:
        fail(f'the restored server gave back the scan of {with_scan} as {status}, not whole')
finally:
    second.terminate()
    second.wait(timeout=30)

during = [seconds for sent, seconds in latencies if any(began <= sent <= ended for _, began, ended in backups)]
outside = [seconds for sent, seconds in latencies if not any(began <= sent <= ended for _, began, ended in backups)]
took = [ended - began for _, began, ended in backups]
result = {
    'backups': len(backups), 'dossiers_acknowledged': len(answered), 'with_scan': len(scans),
    'dossiers_in_last_backup': len(held), 'database_mb_last_backup': round(os.path.getsize(os.path.join(last, 'motcua.sqlite')) / 1048576, 1),
    'backup_seconds_max': round(max(took), 2), 'backup_seconds_mean': round(sum(took) / len(took), 2),
    'intakes_during_backups': len(during), 'p50_ms_during': round(1000 * percentile(during, 0.5), 1) if during else None,
    'p99_ms_during': round(1000 * percentile(during, 0.99), 1) if during else None,
    'intakes_outside': len(outside), 'p50_ms_outside': round(1000 * percentile(outside, 0.5), 1),
    'p99_ms_outside': round(1000 * percentile(outside, 0.99), 1), 'seed': seed,
}
print(json.dumps(result))
print(f'BACKUP TEST PASSED: {len(backups)} backups taken while {args.clients + 2} desks received '
      f'({len(answered)} dossiers acknowledged, {len(scans)} with a scan): each verified, each holds every dossier '
      f'acknowledged before its copy began and none sent after it ended, with their scans; the last restored and served')
shutil.rmtree(work)
