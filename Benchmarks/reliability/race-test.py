#!/usr/bin/env python3
"""Race test (issue #6): two `motcua serve` processes on one PostgreSQL database, the same dossiers, conflicting
transitions fired at both at once.

Makes --dossiers dossiers, then for each fires, at the same moment, "accept" (tiep-nhan) through one server and
"refuse" (tu-choi, with a reason) through the other — no expectedVersion, so the servers themselves must keep the
two apart. Checks that exactly one of each pair wins (200) and the other gets 409; that the accepted and refused
add up to the dossiers; and that each dossier's history holds its intake and exactly the winning transition (no
event lost, none doubled), with the status the winner set. Then sends --double-clicks intakes each to both servers
at once under one Idempotency-Key (a double click, a client's eager retry): both copies must get the same 201 with one
code, and the dossiers must number exactly the intakes made.

Usage: race-test.py --postgres postgres://user:pass@127.0.0.1:5432/db [--binary .build/release/motcua] [--dossiers 1000]
(a fresh database is created beside the given one for the run and dropped after). Prints one JSON line."""
import argparse, concurrent.futures, json, os, shutil, sys, tempfile, time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..'))
from motcua_process import call, free_port, sign_in, start as start_server  # noqa: E402
from postgres_server import fresh_database  # noqa: E402

parser = argparse.ArgumentParser()
parser.add_argument('--postgres', required=True)
parser.add_argument('--binary', default='.build/release/motcua')
parser.add_argument('--dossiers', type=int, default=1000)
parser.add_argument('--pairs-in-flight', type=int, default=16)
parser.add_argument('--double-clicks', type=int, default=200)
args = parser.parse_args()
work = tempfile.mkdtemp(prefix='motcua-race-')
log = open(os.path.join(work, 'servers.log'), 'ab')


def fail(message):
    print(f'RACE TEST FAILED: {message}\n(server log: {log.name})', file=sys.stderr)
    sys.exit(1)


def start(port):
    return start_server(args.binary, database, port, log, sla_watch_seconds=1)


database, drop_database = fresh_database(args.postgres, 'motcua_race')
servers = []
try:
    ports = [free_port(), free_port()]
    for port in ports:
        servers.append(start(port))
    token = sign_in(ports[0])
    intake = {'procedureCode': '1.004873', 'channel': 1,
              'applicant': {'kind': 'cong-dan', 'name': 'Nguyễn Văn An', 'personalId': '001090012345', 'address': 'Phường Ba Đình'},
              'documents': [{'name': 'Tờ khai', 'originals': 1, 'copies': 0}]}

    def receive(index):
        status, body = call(ports[index % 2], 'POST', '/api/dossiers', intake, token)
        if status != 201:
            fail(f'intake answered {status}: {body}')
        return body['code']

    with concurrent.futures.ThreadPoolExecutor(args.pairs_in_flight) as pool:
        codes = list(pool.map(receive, range(args.dossiers)))
    if len(set(codes)) != len(codes):
        fail('two intakes got one code')

    def race(code):
        with concurrent.futures.ThreadPoolExecutor(2) as both:
            accept = both.submit(call, ports[0], 'POST', f'/api/dossiers/{code}/transitions', {'action': 'tiep-nhan'}, token)
            refuse = both.submit(call, ports[1], 'POST', f'/api/dossiers/{code}/transitions',
                                 {'action': 'tu-choi', 'reason': 'Hồ sơ không thuộc thẩm quyền'}, token)
            return code, accept.result()[0], refuse.result()[0]

    started = time.time()
    with concurrent.futures.ThreadPoolExecutor(args.pairs_in_flight) as pool:
        outcomes = list(pool.map(race, codes))
    seconds = time.time() - started
    won = {'tiep-nhan': 0, 'tu-choi': 0}
    for code, accepted, refused in outcomes:
        if sorted([accepted, refused]) != [200, 409]:
            fail(f'{code}: accept answered {accepted}, refuse answered {refused}; exactly one must win and the other get 409')
        winner = 'tiep-nhan' if accepted == 200 else 'tu-choi'
        won[winner] += 1
        status, events = call(ports[(hash(code)) % 2], 'GET', f'/api/dossiers/{code}/events', token=token)
        actions = [event['action'] for event in events]
        if actions[1:] != [winner]:
            fail(f'{code}: history {actions} after {winner} won')
        status, dossier = call(ports[0], 'GET', f'/api/dossiers/{code}', token=token)
        if dossier['status'] != (2 if winner == 'tiep-nhan' else 3):
            fail(f'{code}: status {dossier["status"]} after {winner} won')
    if won['tiep-nhan'] + won['tu-choi'] != args.dossiers:
        fail(f'the outcomes do not add up: {won}')

    def double_click(index):
        key = {'Idempotency-Key': f'double-click-{os.getpid()}-{index}'}
        with concurrent.futures.ThreadPoolExecutor(2) as both:
            copies = [both.submit(call, port, 'POST', '/api/dossiers', intake, token, key) for port in ports]
            return [copy.result() for copy in copies]

    with concurrent.futures.ThreadPoolExecutor(args.pairs_in_flight) as pool:
        clicks = list(pool.map(double_click, range(args.double_clicks)))
    for first, second in clicks:
        if first[0] != 201 or first != second:
            fail(f'one intake sent to both servers at once under one key was answered {first} and {second}')
    total = call(ports[0], 'GET', '/api/dossiers', token=token)[1]['total']
    if total != args.dossiers + args.double_clicks:
        fail(f'{total} dossiers after {args.dossiers} intakes and {args.double_clicks} sent twice under one key')
    print(json.dumps({'dossiers': args.dossiers, 'accepted': won['tiep-nhan'], 'refused': won['tu-choi'],
                      'losers_409': args.dossiers, 'pairs_per_second': round(args.dossiers / seconds, 1),
                      'double_clicks_answered_alike': args.double_clicks, 'dossiers_in_all': total}))
finally:
    for server in servers:
        server.terminate()
        server.wait()
    drop_database()
shutil.rmtree(work, ignore_errors=True)  # kept when a check failed, for the servers' log
