#!/usr/bin/env python3
"""What each part of a durable step costs SQLite when steps fall on dossiers at random, as in a city with many
dossiers open (the engine race steps the few dossiers it is moving, so its pages stay hot).

A step here writes what `DossierStore.save` writes on SQLite — the dossier's row (its version checked), its event
with the step's patch, its audit entry chained after the head and the head moved on (`AuditAct`, the hash worked out
by a function of the connection, here Python's), its open item removed and its next one added — in batches of 64
per commit (WAL, synchronous=NORMAL), on a copy of MotCua's own schema taken from a database this build migrated
(the dossier's whole text, written again every few versions, is left out). Each variant leaves one part out, or puts
back the two alarm indexes of before migration 22, so the difference is that part's cost; Python's own overhead is
the same in every variant. Prints microseconds per step, two rounds.

Usage: step-statements.py MIGRATED.sqlite   (e.g. made by `motcua serve --database MIGRATED.sqlite --demo`)"""
import hashlib
import os
import random
import sqlite3
import sys
import tempfile
import time

if len(sys.argv) != 2:
    sys.exit(__doc__)
SCHEMA = [row[0] for row in sqlite3.connect(sys.argv[1]).execute(
    "SELECT sql FROM sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%' AND type IN ('table', 'index')")]
ALARM_INDEX = 'open_work_items_alarm_at'
TWO_ALARM_INDEXES = ['CREATE INDEX open_work_items_due ON open_work_items (escalated, due_at)',
                     'CREATE INDEX open_work_items_warn ON open_work_items (warned, warn_at)']
AGENCY = '000.30.01.H26'


def open_copy(path, alarm_indexes, drop):
    """The schema as migrated, less the indexes named in `drop`; `alarm_indexes`, if given, instead of its own."""
    for suffix in ['', '-wal', '-shm']:
        if os.path.exists(path + suffix):
            os.remove(path + suffix)
    db = sqlite3.connect(path, isolation_level=None)
    db.execute('PRAGMA journal_mode=WAL')
    db.execute('PRAGMA synchronous=NORMAL')
    for statement in SCHEMA:
        if any(name in statement for name in drop + ([ALARM_INDEX] if alarm_indexes is not None else [])):
            continue
        db.execute(statement)
    for statement in alarm_indexes or []:
        db.execute(statement)
    db.execute("INSERT INTO audit_head (id, seq, hash) VALUES (1, 0, ?)", ('0' * 64,))
    db.create_function('motcua_audit_hash', 7, lambda *fields: hashlib.sha256(repr(fields).encode()).hexdigest(),
                       deterministic=True)
    return db


def code(index):
    return f'{AGENCY}-HS-{index:08d}'


def open_item(db, index, item, at):
    db.execute('INSERT INTO open_work_items (dossier_code, item_id, agency_code, unit, role, name, opened_at, due_at, warn_at, '
               'warned, escalated, alarm_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0, 0, ?)',
               (code(index), item, AGENCY, f'phong-{item % 3}', 'chuyen-vien', 'Thẩm định', at, at + 100_000, at + 90_000,
                at + 90_000))


def microseconds_per_step(alarm_indexes=None, drop=(), skip=(), dossiers=40_000, steps=60_000, batch=64):
    db = open_copy(os.path.join(tempfile.gettempdir(), 'motcua-step-statements.sqlite'), alarm_indexes, list(drop))
    body = 'x' * 2000
    patch = '{"version":2,"work":{"closed":[1],"opened":[{"id":2,"role":"chuyen-vien","unit":"phong-1"}]}}'
    db.execute('BEGIN')
    for index in range(dossiers):
        db.execute('INSERT INTO dossiers (code, agency_code, received_by, procedure_code, channel, status, version, received_at, '
                   'due_at, applicant_key) VALUES (?, ?, ?, ?, 1, 2, 1, ?, ?, NULL)',
                   (code(index), AGENCY, AGENCY, '1.001255', index, index + 900_000))
        db.execute('INSERT INTO dossier_texts (code, body, version) VALUES (?, ?, 1)', (code(index), body))
        open_item(db, index, 1, index)
    db.execute('COMMIT')
    chosen = random.Random(1)
    items = {}
    started = time.perf_counter()
    for step in range(steps):
        if step % batch == 0:
            db.execute('BEGIN')
        index = chosen.randrange(dossiers)
        item = items.get(index, 1) + 1
        items[index] = item
        db.execute('UPDATE dossiers SET version = ? WHERE code = ? AND version = ?', (item, code(index), item - 1))
        if 'event' not in skip:
            db.execute('INSERT INTO dossier_events (dossier_code, seq, action, actor, at, from_status, to_status, work_item, '
                       'patch) VALUES (?, ?, ?, ?, ?, 2, 2, ?, ?)', (code(index), item, 'chuyen-buoc', 'chuyen-vien', step, item, patch))
        if 'audit' not in skip:
            db.execute('INSERT INTO audit_log (seq, at, actor, action, subject, detail, prev_hash, hash) '
                       'SELECT head.seq + 1, act.at, act.actor, act.action, act.subject, act.detail, head.hash, '
                       'motcua_audit_hash(head.seq + 1, act.at, act.actor, act.action, act.subject, act.detail, head.hash) '
                       'FROM (SELECT ? AS at, ? AS actor, ? AS action, ? AS subject, ? AS detail) AS act '
                       'LEFT JOIN audit_head AS head ON head.id = 1',
                       (step, 'chuyen-vien', 'ho-so.chuyen-buoc', code(index), 'trạng thái 2 → 2'))
            db.execute('UPDATE audit_head SET seq = seq + 1, hash = (SELECT hash FROM audit_log WHERE seq = audit_head.seq + 1) '
                       'WHERE id = 1')
        if 'items' not in skip:
            db.execute('DELETE FROM open_work_items WHERE dossier_code = ?', (code(index),))
            open_item(db, index, item, step)
        if step % batch == batch - 1:
            db.execute('COMMIT')
    return (time.perf_counter() - started) / steps * 1e6


VARIANTS = {
    'as before migration 22 (two alarm indexes)': {'alarm_indexes': TWO_ALARM_INDEXES},
    'one alarm index (migration 22)': {},
    'no alarm index': {'alarm_indexes': []},
    'no secondary index on open items': {'alarm_indexes': [], 'drop': ['open_work_items_queue', 'open_work_items_assignee']},
    'no open items': {'skip': ['items']},
    'no audit entry': {'skip': ['audit']},
    'no event': {'skip': ['event']},
    'the dossier row alone': {'skip': ['items', 'audit', 'event']},
}
for round_ in (1, 2):
    for name, variant in VARIANTS.items():
        print(f'round {round_}: {name}: {microseconds_per_step(**variant):.1f} µs/step', flush=True)
