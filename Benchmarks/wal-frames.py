#!/usr/bin/env python3
"""Which of SQLite's b-trees the write-ahead log's pages belong to: what each commit writes, table by table.

Copy the log while the server is under load (`cp DB-wal SNAPSHOT`, before the checkpointer restarts it), then, once
the run is over, give both: the frames are read from the copy (the WAL format, sqlite.org/fileformat2.html#walformat),
and each frame's page is named by the b-tree that holds it in the database (SQLite's `dbstat` table).

Usage: wal-frames.py DATABASE WAL_SNAPSHOT"""
import collections, sqlite3, struct, sys

if len(sys.argv) != 3:
    sys.exit(__doc__)
database, snapshot = sys.argv[1:]
with open(snapshot, 'rb') as log:
    data = log.read()
_, _, page_size, _, salt1, salt2, _, _ = struct.unpack('>8I', data[:32])
frames, offset = [], 32
while offset + 24 + page_size <= len(data):
    page, commit_size, frame_salt1, frame_salt2, _, _ = struct.unpack('>6I', data[offset:offset + 24])
    if (frame_salt1, frame_salt2) != (salt1, salt2):
        break  # the frames after this one belong to an earlier pass over the log
    frames.append((page, commit_size != 0))
    offset += 24 + page_size
commits = sum(1 for _, last in frames if last)
if not commits:
    sys.exit('no commit in the snapshot')
owner = dict((page, name) for name, page in sqlite3.connect(database).execute('SELECT name, pageno FROM dbstat'))
counts = collections.Counter(owner.get(page, '(page freed or new since)') for page, _ in frames)
print(f'{len(frames)} frames in {commits} commits: {len(frames) / commits:.1f} pages per commit')
for name, count in counts.most_common():
    print(f'{name:45s} {count:7d} {count / commits:7.2f} per commit')
