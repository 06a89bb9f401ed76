#!/usr/bin/env bash
# The release build MotCua is deployed and measured with: `swift build -c release` with cross-module optimization
# for every module, the dependencies' included (SwiftNIO, Hummingbird, SQLKit: their generic code specialised for
# MotCua's types and inlined into it). Alternately with the plain release build, four rounds each, it took about 8 %
# off an intake's CPU and gave 6 % more intakes a second (docs/PERFORMANCE.md, session 36); given to MotCua's own
# modules alone, it gave nothing measurable. Run from the package to build (this one, or Benchmarks/); the arguments
# go to `swift build`, e.g. `bash script/release-build.sh --product motcua`.
set -euo pipefail
exec swift build -c release -Xswiftc -cross-module-optimization "$@"
