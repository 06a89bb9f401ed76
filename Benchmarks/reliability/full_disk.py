"""The disk of crash-test.py's disk-full mode: the disk holding the database fills up, then has space again.

On SQLite, either the model `full-disk.c` (see there) loaded into the server, which makes the database's files' writes
fail with ENOSPC while a flag file exists — anywhere, CI included — or, given a folder on a small file system of its
own (a tmpfs an administrator mounted there), that file system really filled: a file written until the kernel refuses
more, then deleted. On PostgreSQL (`PostgresFullDisk`), the same model loaded into every process of its cluster, for
the files of the test's database (its folder under the cluster's `base/`): the disk of a tablespace filling up, while
the cluster's own log (`pg_wal`) still has space."""
import atexit, errno, os

import postgres_server
import preload


class FullDisk:
    """The disk of `database`, for the server processes started with `env` (None: this process's environment)."""

    def __init__(self, database, folder, real_file_system=False):
        """`folder`: the test's own, for the model's library and flag. `real_file_system`: the database's folder is a
        file system of its own, filled for real."""
        self.filler = os.path.join(os.path.dirname(database), 'filler') if real_file_system else None
        self.model = None if real_file_system else preload.FlaggedModel('full-disk', 'disk-full test', database, folder)
        self.env = self.model.env if self.model else None

    def fill(self):
        """From now on the database's files can take no more space."""
        if self.model:
            self.model.begin()
            return
        with open(self.filler, 'wb', buffering=0) as filler:
            for chunk in (1 << 20, 4096, 1):
                try:
                    while True:
                        filler.write(bytes(chunk))
                except OSError as error:
                    if error.errno != errno.ENOSPC:
                        raise

    def free(self):
        """There is space again."""
        if self.model:
            self.model.end()
        else:
            os.remove(self.filler)


class PostgresFullDisk:
    """The disk under the files of the PostgreSQL database at `database` (a URL), on the cluster `cluster` serves it
    from: the model `full-disk.c` loaded into the cluster's processes, which are restarted with it (as root, on a
    server of the test's own) and restarted without it when the script ends."""

    def __init__(self, cluster, database, folder):
        """`folder`: the test's own, for the model's library and flag (made readable to the cluster's account)."""
        oid = postgres_server.rows(database, 'SELECT oid FROM pg_database WHERE datname = current_database()')[0][0]
        os.chmod(folder, 0o755)
        self.model = preload.FlaggedModel('full-disk', 'disk-full test', os.path.join(cluster.data, 'base', oid) + '/', folder)
        self.env = None  # the server MotCua runs is not touched: the database's own processes are
        self.fill, self.free = self.model.begin, self.model.end
        cluster.restart_with(self.model.variables)
        atexit.register(cluster.restart_as_before)
