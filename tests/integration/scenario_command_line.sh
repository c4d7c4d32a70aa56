#!/usr/bin/env bash
# The command line: help, version, exit codes for usage errors.
set -u
tuoyu=$1 root=$2
status=0
expect() {  # expect CODE TEXT -- ARGS...
  local want=$1 text=$2; shift 3
  local out; out=$("$tuoyu" "$@" 2>&1); local code=$?
  [ "$code" = "$want" ] || { echo "FAIL: tuoyu $*: exit $code, expected $want"; status=1; }
  case "$out" in *"$text"*) ;; *) echo "FAIL: tuoyu $*: output lacks '$text'"; echo "$out"; status=1 ;; esac
}
expect 0 "tuoyu 0.1.0" -- --version
expect 0 "check" -- --help
expect 0 "usage: tuoyu build" -- build --help --lang en
expect 0 "usage: tuoyu check" -- check --lang en --help
expect 0 "用法: tuoyu build" -- help build
expect 2 "did you mean build?" -- biuld
expect 2 "did you mean --source?" -- check --sorce .
expect 2 "--jobs must be" -- build --jobs 0
expect 2 "check only validates" -- check --out x
expect 2 "not a tuoyu site folder" -- check --source /nonexistent --lang en
exit $status
