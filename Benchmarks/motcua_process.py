"""The real `motcua serve` as the load and fault scripts run it: started on a port, waited for until /healthz
answers, and asked over plain HTTP/1.1 (one connection per call)."""
import http.client, json, socket, subprocess, sys, time


def free_port():
    """A port nothing listens on now, chosen by the system."""
    with socket.socket() as probe:
        probe.bind(('127.0.0.1', 0))
        return probe.getsockname()[1]


def call(port, method, path, body=None, token=None, headers=None, timeout=30):
    """One request; returns the status and the body (parsed when it is JSON)."""
    sent = {'Content-Type': 'application/json', **(headers or {})}
    if token:
        sent['Authorization'] = f'Bearer {token}'
    connection = http.client.HTTPConnection('127.0.0.1', port, timeout=timeout)
    connection.request(method, path, body=json.dumps(body) if body is not None else None, headers=sent)
    response = connection.getresponse()
    payload = response.read()
    return response.status, (json.loads(payload) if payload.startswith((b'{', b'[')) else payload)


def start(binary, database, port, log, sla_watch_seconds=0, env=None, options=()):
    """Starts a server on the demo data and returns its process once it answers; exits the script if it cannot.
    `env`: the server's environment, if not this script's; `options`: more of `motcua serve`'s."""
    server = subprocess.Popen([binary, 'serve', '--database', database, '--port', str(port), '--demo',
                               '--sla-watch-seconds', str(sla_watch_seconds), *options], stdout=log, stderr=log, env=env)
    for _ in range(600):
        try:
            if call(port, 'GET', '/healthz', timeout=2)[0] == 200:
                return server
        except OSError:
            pass
        if server.poll() is not None:
            sys.exit(f'the server on port {port} exited with {server.returncode} on start (log: {log.name})')
        time.sleep(0.05)
    sys.exit(f'the server on port {port} did not answer /healthz in 30 s (log: {log.name})')


def sign_in(port, username='motcua.badinh'):
    """A demo officer's bearer token."""
    return call(port, 'POST', '/api/sessions', {'username': username, 'password': 'motcua2026'})[1]['token']
