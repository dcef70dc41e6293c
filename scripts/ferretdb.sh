#!/usr/bin/env bash
# FerretDB 1.24 for tests, CI and development: the MongoDB-compatible server this project
# tests against (there is no MongoDB on the build machines).
#
#   scripts/ferretdb.sh build                    build .tools/ferretdb once (reused after)
#   scripts/ferretdb.sh start [--dir DIR]        start a private instance; prints `export` lines
#   scripts/ferretdb.sh stop  [--dir DIR]        stop it and drop its PostgreSQL database
#   scripts/ferretdb.sh stop --keep [--dir DIR]  stop only the server (an outage): data and port stay
#   scripts/ferretdb.sh restart [--dir DIR]      (re)start the recorded instance on its recorded
#                                                port with its recorded data; prints `export` lines
#   scripts/ferretdb.sh status [--dir DIR]       print its URI if it is running
#
# DIR (default: $CB_FERRETDB_DIR, else .tools/run/ferretdb) holds pid, db, handler, port, uri
# and the log. Typical use:  eval "$(scripts/ferretdb.sh start)"; ...; scripts/ferretdb.sh stop
# Fault tests take the database away and bring it back: stop --keep; ...; restart.
#
# Environment: PGHOST (127.0.0.1), PGPORT (5432), PGUSER (root) for the PostgreSQL handler;
# FERRETDB_FORCE_SQLITE=1 to skip PostgreSQL. Messages go to stderr; stdout is for eval.
set -euo pipefail

FERRETDB_VERSION=v1.24.2
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BIN="$ROOT/.tools/ferretdb"
PGHOST=${PGHOST:-127.0.0.1}
PGPORT=${PGPORT:-5432}
PGUSER=${PGUSER:-root}
export PGHOST PGPORT PGUSER

log() { printf '[ferretdb] %s\n' "$*" >&2; }
die() { printf '[ferretdb] error: %s\n' "$*" >&2; exit 1; }

# The binary is usable when `--version` runs and names the pinned version. A plain
# `go install` build panics here ("Invalid build/version/version.txt"), so it is rejected.
binary_ok() {
  local out
  [ -x "$BIN" ] && out=$("$BIN" --version 2>/dev/null) && [[ $out == *"version: $FERRETDB_VERSION"* ]]
}

cmd_build() {
  if binary_ok; then
    log "reusing $BIN ($FERRETDB_VERSION)"
    return 0
  fi
  command -v go >/dev/null || die "Go is needed to build FerretDB ($FERRETDB_VERSION); install Go or put a working binary at $BIN"
  log "building FerretDB $FERRETDB_VERSION into $BIN (first time takes a few minutes)"
  local json src work
  json=$(GOFLAGS=-mod=mod go mod download -json "github.com/FerretDB/FerretDB@$FERRETDB_VERSION")
  src=$(printf '%s\n' "$json" | sed -n 's/^[[:space:]]*"Dir":[[:space:]]*"\(.*\)",\{0,1\}$/\1/p' | head -n 1)
  [ -n "$src" ] && [ -d "$src" ] || die "go mod download gave no source directory: $json"
  work=$(mktemp -d "${TMPDIR:-/tmp}/ferretdb-src.XXXXXX")
  # The module cache is read-only and lacks the version file the build embeds.
  cp -R "$src/." "$work/"
  chmod -R u+w "$work"
  echo "$FERRETDB_VERSION" >"$work/build/version/version.txt"
  mkdir -p "$ROOT/.tools"
  # Build beside the target and rename, so a running instance keeps its old inode.
  if ! (cd "$work" && go build -buildvcs=false -o "$BIN.tmp.$$" ./cmd/ferretdb); then
    rm -rf "$work" "$BIN.tmp.$$"
    die "go build of FerretDB failed"
  fi
  rm -rf "$work"
  mv -f "$BIN.tmp.$$" "$BIN"
  binary_ok || die "built $BIN but '--version' does not report $FERRETDB_VERSION"
  log "built $BIN"
}

# Two distinct free loopback ports, chosen by the kernel at run time.
free_ports() {
  node -e '
    const net = require("net");
    const open = () => new Promise((ok, ko) => { const s = net.createServer(); s.unref(); s.on("error", ko);
      s.listen(0, "127.0.0.1", () => ok(s)); });
    (async () => { const a = await open(), b = await open();
      console.log(a.address().port, b.address().port); a.close(); b.close(); })();'
}

postgres_ok() {
  [ -z "${FERRETDB_FORCE_SQLITE:-}" ] && command -v psql >/dev/null &&
    psql -d postgres -tAc 'select 1' >/dev/null 2>&1
}

# Succeeds once the server answers a MongoDB ping (driver from node_modules when
# installed, else a plain TCP connect).
ping_once() {
  local port=$1
  if [ -d "$ROOT/node_modules/mongodb" ]; then
    (cd "$ROOT" && node -e '
      const { MongoClient } = require("mongodb");
      const c = new MongoClient(process.argv[1], { serverSelectionTimeoutMS: 1000, connectTimeoutMS: 1000 });
      c.connect().then(() => c.db("admin").command({ ping: 1 })).then(() => c.close().then(() => process.exit(0)),
        () => process.exit(1));' "mongodb://127.0.0.1:$port/") >/dev/null 2>&1
  else
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null
  fi
}

# Sets DIR (the state directory, created) and KEEP (1 when --keep is given and allowed).
parse_args() {
  local allow_keep=$1 dir=${CB_FERRETDB_DIR:-$ROOT/.tools/run/ferretdb}
  shift
  KEEP=""
  while [ $# -gt 0 ]; do
    case $1 in
      --dir) [ $# -ge 2 ] || die "--dir needs a value"; dir=$2; shift 2 ;;
      --dir=*) dir=${1#--dir=}; shift ;;
      --keep) [ -n "$allow_keep" ] || die "unknown argument: $1"; KEEP=1; shift ;;
      *) die "unknown argument: $1" ;;
    esac
  done
  mkdir -p "$dir"
  DIR=$(cd "$dir" && pwd)
}

running_pid() {
  local dir=$1 pid
  [ -f "$dir/pid" ] || return 1
  pid=$(cat "$dir/pid")
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null && echo "$pid"
}

# Starts the server of DIR on PORT with its recorded handler and data and waits until it
# answers; prints the `export` lines. Returns 1 (server stopped again) when it did not come up.
launch() {
  local dir=$1 port=$2 debug_port=$3 handler db="" pid i
  handler=$(cat "$dir/handler")
  [ -f "$dir/db" ] && db=$(cat "$dir/db")
  local args=(--listen-addr="127.0.0.1:$port" --debug-addr="127.0.0.1:$debug_port"
    --state-dir="$dir" --telemetry=disable --log-level=warn)
  if [ "$handler" = postgresql ]; then
    # FerretDB 1.24 holds one pooled connection while an update waits for a second: with
    # its default pool of 50, fifty concurrent updates deadlock it. A larger pool (kept under
    # PostgreSQL's max_connections of 100) leaves room; clients also bound their own pools.
    args+=(--handler=postgresql --postgresql-url="postgres://$PGUSER@$PGHOST:$PGPORT/$db?pool_max_conns=${FERRETDB_POOL_MAX_CONNS:-80}")
  else
    args+=(--handler=sqlite --sqlite-url="file:$dir/sqlite/")
  fi
  # setsid: the server outlives this script and ignores the caller's terminal signals.
  setsid "$BIN" "${args[@]}" </dev/null >>"$dir/ferretdb.log" 2>&1 &
  pid=$!
  echo "$pid" >"$dir/pid"
  echo "$port" >"$dir/port"
  for i in $(seq 1 150); do
    kill -0 "$pid" 2>/dev/null || break
    if ping_once "$port"; then
      echo "mongodb://127.0.0.1:$port/" >"$dir/uri"
      log "FerretDB ($handler${db:+, postgres db $db}) on 127.0.0.1:$port, pid $pid, state $dir"
      printf 'export MONGODB_URI=%q\nexport CB_FERRETDB_DIR=%q\n' "mongodb://127.0.0.1:$port/" "$dir"
      return 0
    fi
    sleep 0.2
  done
  if kill -0 "$pid" 2>/dev/null; then
    kill "$pid" 2>/dev/null || true
    log "FerretDB did not answer within 30 s"
  else
    log "FerretDB exited at start; log tail:"
    tail -n 5 "$dir/ferretdb.log" >&2 || true
  fi
  rm -f "$dir/pid"
  return 1
}

cmd_start() {
  local dir pid port debug_port db handler attempt
  parse_args "" "$@"
  dir=$DIR
  if pid=$(running_pid "$dir"); then
    die "an instance from $dir is already running (pid $pid, $(cat "$dir/uri")); stop it first"
  fi
  binary_ok || die "no working $BIN; run: scripts/ferretdb.sh build"
  rm -f "$dir"/{pid,db,handler,uri,port}

  db=""
  if postgres_ok; then
    handler=postgresql
    db="cbtest_$(date +%s)_$$_${RANDOM}"
    psql -d postgres -qc "CREATE DATABASE \"$db\"" >/dev/null || die "could not create PostgreSQL database $db"
    echo "$db" >"$dir/db"
  else
    handler=sqlite
    log "PostgreSQL at $PGHOST:$PGPORT is unreachable (or FERRETDB_FORCE_SQLITE is set); using the SQLite handler"
    rm -rf "$dir/sqlite"
    mkdir -p "$dir/sqlite"
  fi
  echo "$handler" >"$dir/handler"

  # Another process may grab a port between choosing and binding it: retry with new ports.
  for attempt in 1 2 3; do
    read -r port debug_port < <(free_ports)
    launch "$dir" "$port" "$debug_port" && return 0
    log "start attempt $attempt failed"
  done
  rm -f "$dir/port"
  drop_db "$dir"
  die "could not start FerretDB; see $dir/ferretdb.log"
}

# The recorded instance again, on the port its clients know and with the data it had: a
# database that comes back after an outage. Stops the running server first, if any.
cmd_restart() {
  local dir port debug_port
  parse_args "" "$@"
  dir=$DIR
  [ -f "$dir/port" ] && [ -f "$dir/handler" ] || die "no recorded instance in $dir; use start"
  binary_ok || die "no working $BIN; run: scripts/ferretdb.sh build"
  stop_server "$dir"
  port=$(cat "$dir/port")
  read -r _ debug_port < <(free_ports)
  launch "$dir" "$port" "$debug_port" || die "could not restart FerretDB on 127.0.0.1:$port; see $dir/ferretdb.log"
}

drop_db() {
  local dir=$1 db
  [ -f "$dir/db" ] || return 0
  db=$(cat "$dir/db")
  if psql -d postgres -qc "DROP DATABASE IF EXISTS \"$db\" WITH (FORCE)" >/dev/null 2>&1; then
    log "dropped PostgreSQL database $db"
    rm -f "$dir/db"
  else
    log "warning: could not drop PostgreSQL database $db"
  fi
}

# Stops the server process of DIR (SIGTERM, then SIGKILL after 10 s); keeps every file.
stop_server() {
  local dir=$1 pid i
  if pid=$(running_pid "$dir"); then
    kill "$pid" 2>/dev/null || true
    for i in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
    if kill -0 "$pid" 2>/dev/null; then
      log "pid $pid ignored SIGTERM; sending SIGKILL"
      kill -9 "$pid" 2>/dev/null || true
    fi
    log "stopped pid $pid"
  fi
  rm -f "$dir/pid"
}

cmd_stop() {
  local dir
  parse_args 1 "$@"
  dir=$DIR
  stop_server "$dir"
  # --keep: an outage, not the end; `restart` brings the same data back on the same port.
  [ -n "$KEEP" ] && return 0
  rm -f "$dir/uri" "$dir/port"
  drop_db "$dir"
  rm -rf "$dir/sqlite"
}

cmd_status() {
  local dir pid
  parse_args "" "$@"
  dir=$DIR
  if pid=$(running_pid "$dir"); then
    echo "running: pid $pid, $(cat "$dir/handler" 2>/dev/null), $(cat "$dir/uri" 2>/dev/null)"
  else
    echo "not running ($dir)"
    return 1
  fi
}

case ${1:-} in
  build) shift; cmd_build "$@" ;;
  start) shift; cmd_start "$@" ;;
  stop) shift; cmd_stop "$@" ;;
  restart) shift; cmd_restart "$@" ;;
  status) shift; cmd_status "$@" ;;
  *) sed -n '2,18p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2 ;;
esac
