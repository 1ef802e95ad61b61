#!/usr/bin/env bash
# Research harness (not shipped): re-runs every approach tried on the dev sets and
# stores one result file per approach in bench/results/. Usage: bash bench/approaches.sh
cd "$(dirname "$0")/.."
NORR='"rStage1":1,"rLcsQ":0,"rLcsD":0,"rDice":0,"rCovQ":0,"rCovD":0,"rCharCovQ":0,"rCharCovD":0'
declare -A A
A[a0-baseline-repro]="{\"weights\":{$NORR,\"words\":1,\"uni\":1,\"bi\":1,\"tri\":0}}"
A[a1-fields-w1-u0-b1]="{\"weights\":{$NORR,\"words\":1,\"uni\":0,\"bi\":1,\"tri\":0}}"
A[a1-fields-w1-u1-b0]="{\"weights\":{$NORR,\"words\":1,\"uni\":1,\"bi\":0,\"tri\":0}}"
A[a1-fields-w0-u1-b1-t1]="{\"weights\":{$NORR,\"words\":0,\"uni\":1,\"bi\":1,\"tri\":1}}"
A[a1-fields-w1-u0.5-b1-t0.5]="{\"weights\":{$NORR,\"words\":1,\"uni\":0.5,\"bi\":1,\"tri\":0.5}}"
A[a1-fields-w1-u2-b1-t0.5]="{\"weights\":{$NORR,\"words\":1,\"uni\":2,\"bi\":1,\"tri\":0.5}}"
A[a2-final-unit-weights]="{}"
A[a2b-hand-tuned-on-dev]='{"weights":{"words":1,"uni":2,"bi":1,"tri":0.5,"rStage1":1,"rLcsQ":0.1,"rLcsD":0.25,"rDice":0,"rCovQ":0.25,"rCovD":0,"rCharCovQ":1.5,"rCharCovD":0.5}}'
A[a3-bm25-b0.3]='{"bm25":{"uni":{"k1":1.2,"b":0.3},"bi":{"k1":1.2,"b":0.3},"words":{"k1":1.2,"b":0.3},"tri":{"k1":1.2,"b":0.3}}}'
A[a3-bm25-b1.0]='{"bm25":{"uni":{"k1":1.2,"b":1},"bi":{"k1":1.2,"b":1},"words":{"k1":1.2,"b":1},"tri":{"k1":1.2,"b":1}}}'
A[a3-bm25-k0.6]='{"bm25":{"uni":{"k1":0.6,"b":0.75},"bi":{"k1":0.6,"b":0.75},"words":{"k1":0.6,"b":0.75},"tri":{"k1":0.6,"b":0.75}}}'
A[a3-bm25-k2.0]='{"bm25":{"uni":{"k1":2,"b":0.75},"bi":{"k1":2,"b":0.75},"words":{"k1":2,"b":0.75},"tri":{"k1":2,"b":0.75}}}'
A[a4-kb-speller]='{"spelling":true}'
A[a5-general-idf]='{"generalIdf":true}'
A[a6-pool-300-100]='{"pool":{"firstStage":300,"rerank":100}}'
A[a7-learned-linear-insample]='{"weights":{"rStage1":2.15,"words":0.5,"uni":1,"bi":0.65,"tri":0,"rLcsQ":0.5,"rLcsD":0.1,"rDice":0,"rCovQ":0,"rCovD":0,"rCharCovQ":1.15,"rCharCovD":0.4}}'
for k in $(printf '%s\n' "${!A[@]}" | sort); do
  [ -n "$ONLY" ] && [[ "$k" != $ONLY* ]] && continue
  echo "== $k ${A[$k]}" > bench/results/$k.txt
  taskset -c "${CORE:-1}" npx tsx bench/run.ts "${A[$k]}" lcqmc,oppo,afqmc >> bench/results/$k.txt 2>&1
done
