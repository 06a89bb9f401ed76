"""The disk of crash-test.py's power cuts: `volatile-disk.c` (see there) loaded into the server, and what that disk
holds when the power comes back."""
import os, struct

import preload

SECTOR = 512
RECORD_HEAD = struct.Struct('<4sIQQ')  # magic, kind (1 write, 2 truncate), offset, length
WRITE, TRUNCATE = 1, 2


class VolatileDisk:
    """The SQLite files `database` and its log, kept on the model disk by the server processes started with `env`."""

    def __init__(self, database, folder, flushes_ignored=()):
        """`flushes_ignored`: which of 'database' and 'log' the disk lies about (a test that must fail)."""
        self.files = [database, database + '-wal']
        self.shm = database + '-shm'
        library = preload.library('volatile-disk', folder, 'power-cut test')
        self.env = dict(os.environ, LD_PRELOAD=library, MOTCUA_VOLATILE_FILES=':'.join(self.files))
        if flushes_ignored:
            named = dict(database=database, log=database + '-wal')
            self.env['MOTCUA_VOLATILE_FLUSH_IGNORED'] = ':'.join(named[which] for which in flushes_ignored)

    @staticmethod
    def unsynced(path):
        """The writes and truncations of `path` since its last flush, in order: (kind, offset, data or None)."""
        try:
            with open(path + '.unsynced', 'rb') as log:
                data = log.read()
        except FileNotFoundError:
            return
        at = 0
        while at + RECORD_HEAD.size <= len(data):
            magic, kind, offset, length = RECORD_HEAD.unpack_from(data, at)
            if magic != b'MCVD':
                return
            at += RECORD_HEAD.size
            if kind == TRUNCATE:
                yield TRUNCATE, offset, None
                continue
            if at + length > len(data):
                return  # the process was killed while it logged this write, which is then lost with it
            yield WRITE, offset, data[at:at + length]
            at += length

    def power_comes_back(self, rng, keep):
        """Puts in place of each file what the disk holds after the cut: the file as last flushed, and of everything
        written since, each 512-byte sector kept with probability `keep` (a truncation, as one). The -shm index is
        gone (SQLite rebuilds it from the log). Returns the sectors kept and lost."""
        kept = lost = 0
        for path in self.files:
            if not os.path.exists(path + '.durable'):
                continue  # never opened by the server
            with open(path + '.durable', 'rb') as durable:
                image = bytearray(durable.read())
            for kind, offset, data in self.unsynced(path):
                if kind == TRUNCATE:
                    if rng.random() < keep:
                        del image[offset:]
                        image.extend(bytes(offset - len(image)))
                    continue
                end = offset + len(data)
                for sector in range(offset - offset % SECTOR, end, SECTOR):
                    low, high = max(sector, offset), min(sector + SECTOR, end)
                    if rng.random() >= keep:
                        lost += 1
                        continue
                    kept += 1
                    image.extend(bytes(max(0, high - len(image))))
                    image[low:high] = data[low - offset:high - offset]
            with open(path, 'wb') as out:
                out.write(image)
            os.remove(path + '.durable')
            os.remove(path + '.unsynced')
        if os.path.exists(self.shm):
            os.remove(self.shm)
        return kept, lost
