#!/usr/bin/env python3
"""Fuzzing (issue #6): schemathesis against /openapi.yaml of the real `motcua serve`, as a desk officer, as the
procedure-control office, and as a citizen without an account (the public operations), --max-examples generated
requests per operation and phase. Every answer must be a non-5xx that the specification allows (status code,
content type, body schema). Signing out is left out of the signed-in passes: it would end the session they fuzz with.

On SQLite by default (a file of its own); with --database, on that database (a PostgreSQL URL, whose column types
refuse some text SQLite keeps: the character U+0000).

Usage: fuzz.py [--binary .build/debug/motcua] [--max-examples 30] [--port N] [--database postgres://…]
Exits non-zero when schemathesis finds a failure; prints one JSON line with the cases generated per pass."""
import argparse, json, os, re, shutil, subprocess, sys, tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..'))
import motcua_process  # noqa: E402

parser = argparse.ArgumentParser()
parser.add_argument('--binary', default='.build/debug/motcua')
parser.add_argument('--max-examples', type=int, default=30)
parser.add_argument('--port', type=int, default=0, help='0: a free port')
parser.add_argument('--database', default=None, help='default: an SQLite file of its own')
args = parser.parse_args()
args.port = args.port or motcua_process.free_port()
work = tempfile.mkdtemp(prefix='motcua-fuzz-')
log = open(os.path.join(work, 'server.log'), 'ab')
server = motcua_process.start(args.binary, args.database or os.path.join(work, 'motcua.sqlite'), args.port, log)
base = f'http://127.0.0.1:{args.port}'

try:
    passes, tool_errors = {}, {}
    for identity in ('motcua.badinh', 'quantri', None):
        command = [sys.executable, '-m', 'schemathesis.cli', 'run', f'{base}/openapi.yaml', '--max-examples', str(args.max_examples),
                   '--checks', 'not_a_server_error,status_code_conformance,content_type_conformance,response_schema_conformance',
                   '--workers', '1', '--no-color', '--seed', '20261122']
        if identity:
            token = motcua_process.sign_in(args.port, identity)
            command += ['-H', f'Authorization: Bearer {token}', '--exclude-name', 'DELETE /api/sessions']
        result = subprocess.run(command, capture_output=True, text=True)
        name = identity or 'cong-dan (không đăng nhập)'
        generated = re.search(r'(\d+) generated', result.stdout)
        passes[name] = int(generated.group(1)) if generated else 0
        # schemathesis also exits non-zero on its own internal errors (a Hypothesis "Runtime Error" while
        # generating); those are counted, not failures of MotCua. Any failed check, or any other error (a refused
        # connection is a server that died), fails the run.
        summary = result.stdout[result.stdout.rfind('SUMMARY'):]
        errors = re.findall(r'^\s*\S*\s*([A-Za-z ]+Error): (\d+)', summary[summary.find('Errors:'):] if 'Errors:' in summary else '', re.M)
        tool_errors[name] = sum(int(count) for kind, count in errors if kind.strip() == 'Runtime Error')
        broken = 'Failures:' in summary or any(kind.strip() != 'Runtime Error' for kind, _ in errors)
        if result.returncode != 0 and (broken or not generated):
            # What schemathesis said; on its error stream, why it did not run at all (not installed, say).
            print(result.stdout[-6000:] + result.stderr[-2000:], file=sys.stderr)
            print(f'FUZZING FAILED as {name} (server log: {log.name})', file=sys.stderr)
            sys.exit(1)
    print(json.dumps({'database': 'postgresql' if args.database else 'sqlite', 'generated': passes, 'failures': 0,
                      'schemathesis_internal_errors': tool_errors, 'max_examples': args.max_examples}, ensure_ascii=False))
finally:
    server.terminate()
    server.wait()
shutil.rmtree(work, ignore_errors=True)  # kept when fuzzing failed, for the server's log
