#!/usr/bin/env python3
"""Sign-in storm: how long every other request waits while officers sign in at once (eight in the morning).

Signing in checks a password with bcrypt, a tenth of a second of a core on purpose. The script starts the real
`motcua serve` on a new SQLite file with the demo data, and for each count of officers in --signers (0: none, the
baseline) keeps that many connections signing in over and over for --seconds, while one more asks /healthz every
10 ms and times each answer. Prints one JSON line per count: sign-ins done, /healthz answers, and their latency at
p50, p99 and worst.

Usage: sign-in-storm.py [--binary .build/release/motcua] [--signers 0,4,0,4] [--seconds 5]"""
import argparse, http.client, json, os, shutil, sys, tempfile, threading, time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..'))
import motcua_process  # noqa: E402

parser = argparse.ArgumentParser()
parser.add_argument('--binary', default='.build/release/motcua')
parser.add_argument('--signers', default='0,4,0,4')
parser.add_argument('--seconds', type=float, default=5)
args = parser.parse_args()


def storm(port, signers):
    """The figures of one storm of `signers` officers signing in at once."""
    stop, signed, refused = threading.Event(), [], []

    def officer():
        connection = http.client.HTTPConnection('127.0.0.1', port, timeout=60)
        while not stop.is_set():
            connection.request('POST', '/api/sessions', headers={'Content-Type': 'application/json'},
                               body=json.dumps({'username': 'motcua.badinh', 'password': 'motcua2026'}))
            response = connection.getresponse()
            response.read()
            if response.status != 201:
                refused.append(response.status)
                return
            signed.append(1)

    officers = [threading.Thread(target=officer, daemon=True) for _ in range(signers)]
    for thread in officers:
        thread.start()
    time.sleep(0.5)
    probe, waits, end = http.client.HTTPConnection('127.0.0.1', port, timeout=60), [], time.time() + args.seconds
    while time.time() < end:
        asked = time.perf_counter()
        probe.request('GET', '/healthz')
        probe.getresponse().read()
        waits.append((time.perf_counter() - asked) * 1000)
        time.sleep(0.01)
    stop.set()
    for thread in officers:
        thread.join()
    if refused:
        sys.exit(f'signing in answered {refused[0]}')
    waits.sort()
    return {'signers': signers, 'sign_ins': len(signed), 'healthz_answers': len(waits),
            'healthz_p50_ms': round(waits[len(waits) // 2], 2), 'healthz_p99_ms': round(waits[int(len(waits) * 0.99)], 2),
            'healthz_max_ms': round(waits[-1], 2)}


work = tempfile.mkdtemp(prefix='motcua-sign-in-')
port = motcua_process.free_port()
server = motcua_process.start(args.binary, os.path.join(work, 'motcua.sqlite'), port, open(os.path.join(work, 'server.log'), 'ab'))
try:
    for count in (int(text) for text in args.signers.split(',')):
        print(json.dumps(storm(port, count)), flush=True)
finally:
    server.terminate()
    server.wait()
    shutil.rmtree(work, ignore_errors=True)
