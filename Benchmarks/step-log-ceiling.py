#!/usr/bin/env python3
"""What SQLite alone would cost a durable step if the engine kept each instance in memory and wrote only a compact
record per step, appended (the design issue #3's notes name as the way towards 100×; not MotCua's design today).

Writes the engine race's 63,000 writes (10,000 creations and 53,000 steps) as small rows of integers appended to one
table, in batches of the sizes the race's group commit makes (about 25 writes per commit at NORMAL, 80 at FULL), WAL,
each batch one transaction. Python's own cost per row is included, so the figures are an upper bound of SQLite's.
Prints records per second for each synchronous setting and batch size.

Usage: step-log-ceiling.py [FOLDER]   (a scratch database is made there; default: a temporary folder)"""
import os
import sqlite3
import sys
import tempfile
import time

WRITES = 63_000
folder = sys.argv[1] if len(sys.argv) > 1 else tempfile.mkdtemp(prefix='motcua-step-log-')
# One row per write: the dossier, its step number, the node, the actor, the moment, the decision.
rows = [(index // 6, index % 6, index % 5, 7, 1_795_436_307 + index, None) for index in range(WRITES)]

for sync, batch in [('NORMAL', 25), ('NORMAL', 80), ('FULL', 25), ('FULL', 80)]:
    path = os.path.join(folder, f'steps-{sync}-{batch}.sqlite')
    for suffix in ('', '-wal', '-shm'):
        if os.path.exists(path + suffix):
            os.remove(path + suffix)
    db = sqlite3.connect(path, isolation_level=None)
    db.execute('PRAGMA journal_mode=WAL')
    db.execute(f'PRAGMA synchronous={sync}')
    db.execute('CREATE TABLE steps (id INTEGER PRIMARY KEY, dossier INTEGER NOT NULL, seq INTEGER NOT NULL, '
               'node INTEGER NOT NULL, actor INTEGER NOT NULL, at INTEGER NOT NULL, decision INTEGER)')
    started = time.perf_counter()
    for first in range(0, WRITES, batch):
        db.execute('BEGIN')
        db.executemany('INSERT INTO steps (dossier, seq, node, actor, at, decision) VALUES (?, ?, ?, ?, ?, ?)',
                       rows[first:first + batch])
        db.execute('COMMIT')
    elapsed = time.perf_counter() - started
    db.close()
    print(f'synchronous={sync} batch {batch}: {WRITES / elapsed:,.0f} records/s, {elapsed / WRITES * 1e6:.1f} µs each')
