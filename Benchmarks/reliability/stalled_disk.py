"""The disk of crash-test.py's stall mode: the disk holding the SQLite database stops answering flushes for a moment,
then answers again (the model `stalled-disk.c`, loaded into the server, which makes every flush of the database's
files wait while a flag file exists)."""
import os

import preload


class StalledDisk:
    """The disk of `database`, for the server processes started with `env`."""

    def __init__(self, database, folder):
        """`folder`: the test's own, for the model's library and flag."""
        self.flag = os.path.join(folder, 'disk-stalled')
        self.env = dict(os.environ, LD_PRELOAD=preload.library('stalled-disk', folder, 'disk-stall test'),
                        MOTCUA_STALLED_DISK_FLAG=self.flag, MOTCUA_STALLED_DISK_FILES=database)

    def stall(self):
        """From now on every flush of the database's files waits."""
        open(self.flag, 'w').close()

    def answer(self):
        """The disk answers again: the flushes waiting go on."""
        os.remove(self.flag)
