"""The PostgreSQL server the fault scripts run MotCua on: a database of their own on it, its crash and its freeze.

A crash here is what a failing database machine's processes do, short of the power: every process of the cluster
killed at once with SIGKILL (no shutdown, no checkpoint, shared memory left as it was), then the cluster started again,
which replays its log. What a COMMIT flushed to the log survives it; with synchronous_commit=off, commits answered in
the last moments would not. Debian's cluster tools (pg_lsclusters, pg_ctlcluster) find and start the cluster; the
script must run as root or as the cluster's owner."""
import os, signal, subprocess, sys, time, urllib.parse


def fresh_database(server, prefix):
    """Creates a database named `prefix` and this process's id on the server at URL `server`; returns its URL and a
    function that drops it."""
    name = f'{prefix}_{os.getpid()}'
    subprocess.run(['psql', server, '-qc', f'CREATE DATABASE {name}'], check=True)
    url = urllib.parse.urlunsplit(urllib.parse.urlsplit(server)._replace(path='/' + name))
    return url, lambda: subprocess.run(['psql', server, '-qc', f'DROP DATABASE IF EXISTS {name}'], check=False)


def rows(url, query):
    """The rows `query` gives on the database at `url`, each a tuple of text values (NULL as None)."""
    out = subprocess.run(['psql', url, '-qAt', '-F', '\x1f', '-P', 'null=\x1e', '-c', query],
                         capture_output=True, text=True, check=True).stdout
    return [tuple(None if value == '\x1e' else value for value in line.split('\x1f')) for line in out.splitlines()]


class Cluster:
    """The Debian cluster that serves the URL's port."""

    def __init__(self, url):
        port = urllib.parse.urlsplit(url).port or 5432
        found = [line.split() for line in subprocess.run(['pg_lsclusters', '-h'], capture_output=True, text=True,
                                                         check=True).stdout.splitlines()]
        match = [fields for fields in found if len(fields) >= 6 and fields[2] == str(port)]
        if not match:
            sys.exit(f'no PostgreSQL cluster on port {port} in pg_lsclusters: a crash needs Debian\'s cluster tools')
        self.version, self.name, self.data = match[0][0], match[0][1], match[0][5]
        self.url = url

    def processes(self):
        """The postmaster's pid and its children's, while it runs."""
        try:
            with open(os.path.join(self.data, 'postmaster.pid')) as pid_file:
                postmaster = int(pid_file.readline())
        except (OSError, ValueError):
            return []
        children = subprocess.run(['pgrep', '-P', str(postmaster)], capture_output=True, text=True).stdout.split()
        return [postmaster] + [int(child) for child in children]

    def crash(self):
        """Kills every process of the cluster at once and waits until they are gone."""
        pids = self.signal_all(signal.SIGKILL)
        for _ in range(200):
            if not any(os.path.exists(f'/proc/{pid}') for pid in pids):
                return
            time.sleep(0.05)
        sys.exit(f'PostgreSQL {self.version}/{self.name} did not die on SIGKILL')

    def freeze(self):
        """Stops every process of the cluster where it is (SIGSTOP), as a storage stall or a hung machine does: its
        connections stay open and nothing answers on them."""
        self.signal_all(signal.SIGSTOP)

    def thaw(self):
        """Lets every process of the cluster go on (SIGCONT)."""
        self.signal_all(signal.SIGCONT)

    def signal_all(self, sent):
        """Sends `sent` to every process of the cluster; returns their pids."""
        pids = self.processes()
        if not pids:
            sys.exit(f'PostgreSQL {self.version}/{self.name} is not running')
        for pid in pids:
            try:
                os.kill(pid, sent)
            except ProcessLookupError:
                pass
            except PermissionError:
                sys.exit('signalling PostgreSQL\'s processes needs root or the cluster owner\'s account')
        return pids

    def start(self, action='start'):
        """Starts the cluster again (it replays its log) and waits until it takes connections; `action` 'restart'
        stops it cleanly first."""
        subprocess.run(['pg_ctlcluster', self.version, self.name, action], check=True, capture_output=True)
        for _ in range(600):
            if subprocess.run(['psql', self.url, '-qAtc', 'SELECT 1'], capture_output=True).returncode == 0:
                return
            time.sleep(0.1)
        sys.exit(f'PostgreSQL {self.version}/{self.name} did not take connections 60 s after its restart')

    def restart_with(self, environment):
        """Restarts the cluster with `environment` (names and values) added to its processes' environment, through
        Debian's file for it (`environment` beside its postgresql.conf), until `restart_as_before`."""
        path = f'/etc/postgresql/{self.version}/{self.name}/environment'
        with open(path) as file:
            self.environment_before = (path, file.read())
        with open(path, 'a') as file:
            file.write(''.join(f"{name} = '{value}'\n" for name, value in environment.items()))
        self.start('restart')

    def restart_as_before(self):
        """Puts the cluster's environment back as it was before `restart_with`, and restarts it so."""
        path, text = self.environment_before
        with open(path, 'w') as file:
            file.write(text)
        self.start('restart')
