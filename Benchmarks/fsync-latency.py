#!/usr/bin/env python3
"""How long this machine's disk takes to flush one of SQLite's group commits, without SQLite (issue #6).

A commit of the load test's intake run writes about 110 frames of the write-ahead log (4 KiB pages, each after its
24-byte header, two `pwrite` calls a frame, as SQLite writes them) and then flushes the file. This writes the same
pattern into a file of its own and times the flush:
  - with `fsync` (what SQLite calls unless built with HAVE_FDATASYNC) and with `fdatasync` (which leaves out the
    file's times), one after the other, three rounds;
  - alone, and while another thread copies pages into a second file and flushes it every 100 ms, as the
    checkpointer does (250 and 1,000 pages a pass).
Prints one line per case: the flush's mean, median, 99th percentile and longest, in milliseconds.

Usage: fsync-latency.py [--dir /tmp] [--commits 300] [--frames 110]"""
import argparse, os, random, tempfile, threading, time

parser = argparse.ArgumentParser()
parser.add_argument('--dir', default=tempfile.gettempdir())
parser.add_argument('--commits', type=int, default=300)
parser.add_argument('--frames', type=int, default=110)
args = parser.parse_args()

PAGE = os.urandom(4096)
LOG_BYTES = 7 << 20
DATABASE_PAGES = 16384


def prepared_file(name, pages):
    """A file of `pages` pages written and flushed once, so that the runs overwrite blocks already allocated."""
    fd = os.open(os.path.join(args.dir, name), os.O_RDWR | os.O_CREAT | os.O_TRUNC, 0o600)
    for index in range(pages):
        os.pwrite(fd, PAGE, index * 4096)
    os.fsync(fd)
    return fd


def commits(log, flush):
    """`args.commits` commits of `args.frames` frames each, the flush of each timed; its statistics in ms."""
    times, offset = [], 0
    for _ in range(args.commits):
        for _ in range(args.frames):
            os.pwrite(log, PAGE[:24], offset)
            os.pwrite(log, PAGE, offset + 24)
            offset = (offset + 4120) % LOG_BYTES
        started = time.perf_counter()
        flush(log)
        times.append((time.perf_counter() - started) * 1000)
    times.sort()
    return (sum(times) / len(times), times[len(times) // 2], times[int(len(times) * 0.99)], times[-1])


def report(label, figures):
    print('%-34s mean %.3f  p50 %.3f  p99 %.3f  max %.3f ms' % ((label,) + figures), flush=True)


log = prepared_file('motcua-fsync-latency-wal', (LOG_BYTES >> 12) + 2)
database = prepared_file('motcua-fsync-latency-db', DATABASE_PAGES)
try:
    for _ in range(3):
        report('fsync', commits(log, os.fsync))
        report('fdatasync', commits(log, os.fdatasync))
    for pages in (250, 1000):
        stop = threading.Event()

        def checkpoint(pages=pages, stop=stop):
            while not stop.is_set():
                for _ in range(pages):
                    os.pwrite(database, PAGE, random.randrange(DATABASE_PAGES) * 4096)
                os.fsync(database)
                time.sleep(0.1)
        copier = threading.Thread(target=checkpoint)
        copier.start()
        report(f'fsync beside a checkpoint of {pages}', commits(log, os.fsync))
        stop.set()
        copier.join()
finally:
    for fd, name in ((log, 'motcua-fsync-latency-wal'), (database, 'motcua-fsync-latency-db')):
        os.close(fd)
        os.unlink(os.path.join(args.dir, name))
