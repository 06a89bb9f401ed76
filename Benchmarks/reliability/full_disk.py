"""The disk of crash-test.py's disk-full mode: the disk holding the SQLite database fills up, then has space again.

Either the model `full-disk.c` (see there) loaded into the server, which makes the database's files' writes fail with
ENOSPC while a flag file exists — anywhere, CI included — or, given a folder on a small file system of its own (a
tmpfs an administrator mounted there), that file system really filled: a file written until the kernel refuses more,
then deleted."""
import errno, os

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
