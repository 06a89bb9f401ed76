#!/usr/bin/env python3
"""Turns an engine-race .jsonl (engine-vs-spiffworkflow.sh) into the table docs/PERFORMANCE.md records:
MotCua's instances/s beside the peer's in the same run, and the ratio."""
import json, sys

rows = [json.loads(line) for line in open(sys.argv[1]) if line.strip()]
peer = {(r['mode'], r.get('sync')): r for r in rows if r.get('engine') != 'motcua'}
ours = [r for r in rows if r.get('engine') == 'motcua']

print('| Run | SpiffWorkflow 3.2 inst/s | MotCua inst/s | MotCua steps/s | ratio |')
print('|---|---:|---:|---:|---:|')
for r in ours:
    sync = r.get('sync')
    compared = [peer.get((r['mode'], sync))] + ([peer.get(('sqlite-rt', sync))] if r['mode'] == 'sqlite' else [])
    for p in filter(None, compared):
        label = f"{r['mode']} {sync or ''}".strip() + (' vs peer round trip' if p['mode'] == 'sqlite-rt' else '')
        print(f"| {label} | {p['instances_per_s']:,} | {r['instances_per_s']:,} | {r['steps_per_s']:,} | "
              f"{r['instances_per_s'] / p['instances_per_s']:.0f}× |")
for r in ours:
    if r['mode'] == 'sqlite':
        print(f"\nMotCua {r['sync']}: {r['db_writes(transactions)']:,} writes in {r['commits']:,} commits "
              f"({r['writes_per_commit']} per commit), step latency p50 {r['step_latency_ms']['p50']} ms, "
              f"p99 {r['step_latency_ms']['p99']} ms, CPU per write {r['cpu_us_per_write']} µs "
              f"(the writer's thread {r['writer_cpu_us_per_write']} µs), peak RSS {r['peak_rss_MiB']} MiB")
