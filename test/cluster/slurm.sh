#!/usr/bin/env bash
# The Slurm recipe (examples/cluster/slurm/experiment.sbatch), for real: a job array of 4 shards
# of the friends experiment on a Slurm cluster, merged with `society experiment merge`, must give
# the summary.csv of one `society experiment` run byte for byte (and the same experiment.json but
# for wall-clock times). Exits non-zero on any difference or failure.
#
# Without a cluster (SLURM_CONF unset), it makes one on this machine, as root (or through sudo): installs Debian's
# slurm-wlm and munge if they are missing, writes a one-node slurm.conf under $SOCIETY_SLURM_DIR
# (default /tmp/society-slurm; its own ports, so it does not meet a Slurm already here), starts
# munged, slurmctld and slurmd unless they are running already, and stops the daemons it started.
# With SLURM_CONF set, it submits to that cluster instead (run it from a shared file system).
#
#   npm run test:cluster                  # or: bash test/cluster/slurm.sh
#   SOCIETY_SLURM_BUDGET=900 npm run test:cluster
set -euo pipefail

repo=$(cd "$(dirname "$0")/../.." && pwd)
cd "$repo"
budget=${SOCIETY_SLURM_BUDGET:-600}     # seconds for everything, install included
state=${SOCIETY_SLURM_DIR:-/tmp/society-slurm}
scenario=examples/friends/friends.society
# The experiment: the scenario's own plan (2 conditions × 20 seeds × 30 rounds, offline model).
experiment_args=(${SOCIETY_SLURM_ARGS:-})
shards=4
job_name="society-slurm-test-$$"
SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"

t0=$(date +%s%N)
deadline=$(( $(date +%s) + budget ))
elapsed() { echo $(( ($(date +%s%N) - t0) / 1000000 )) | awk '{ printf "%.1f", $1 / 1000 }'; }
say() { printf '[%6s s] %s\n' "$(elapsed)" "$*"; }
# Seconds left of the budget, at least 1: a step given 1 s times out and fails the test.
left() { local s=$(( deadline - $(date +%s) )); echo $(( s > 1 ? s : 1 )); }
declare -A took
phase() { local name=$1; shift; local start; start=$(date +%s%N); "$@"; took[$name]=$(( ($(date +%s%N) - start) / 1000000 )); }

started=()   # pid files of the daemons this run started, to stop at the end
submitted=no
cleanup() {
  local code=$?
  if [ "$submitted" = yes ] && command -v scancel >/dev/null; then scancel --name="$job_name" 2>/dev/null || true; fi
  local i pid
  for (( i=${#started[@]}-1; i>=0; i-- )); do
    pid=$(cat "${started[$i]}" 2>/dev/null || true)
    if [ -n "$pid" ] && [ -d "/proc/$pid" ]; then
      $SUDO kill "$pid" 2>/dev/null || true
      for _ in $(seq 50); do [ -d "/proc/$pid" ] || break; sleep 0.1; done
      say "stopped $(basename "${started[$i]}" .pid) (pid $pid)"
    fi
  done
  exit "$code"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

fail() {
  say "FAIL: $*"
  local log
  for log in "$state/slurmctld.log" "$state/slurmd.log"; do [ -f "$log" ] && { echo "--- last lines of $log"; tail -n 15 "$log"; }; done
  exit 1
}
mkdir -p "$state"
# One test at a time on a machine: a second waits for the first, whose daemons it would share.
exec 9>"$state/lock"
flock -w "$budget" 9 || { echo "another Slurm test held $state/lock for $budget s" >&2; exit 1; }

# 1. Slurm and munge, installed once.
install_packages() {
  if command -v slurmctld >/dev/null && command -v slurmd >/dev/null && command -v sbatch >/dev/null && command -v munged >/dev/null; then
    say "slurm-wlm and munge: installed ($(slurmd -V))"
    return
  fi
  say "installing slurm-wlm and munge (apt-get)"
  mkdir -p "$state"
  timeout "$(left)" $SUDO apt-get update -q >"$state/apt.log" 2>&1 || fail "apt-get update failed: see $state/apt.log"
  timeout "$(left)" $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -q -o DPkg::Lock::Timeout=600 slurm-wlm munge >>"$state/apt.log" 2>&1 \
    || fail "apt-get install failed: see $state/apt.log"
  say "installed $(slurmd -V)"
}

# 2. munged: a key, and the daemon (unless one answers already).
start_munge() {
  if munge -n </dev/null 2>/dev/null | unmunge >/dev/null 2>&1; then say "munged: running"; return; fi
  if ! $SUDO test -s /etc/munge/munge.key; then
    if [ -x /usr/sbin/mungekey ]; then $SUDO /usr/sbin/mungekey --create --keyfile=/etc/munge/munge.key
    else $SUDO dd if=/dev/urandom of=/etc/munge/munge.key bs=1 count=1024 status=none; fi
    $SUDO chown munge:munge /etc/munge/munge.key
    $SUDO chmod 0400 /etc/munge/munge.key
  fi
  $SUDO install -d -o munge -g munge -m 0755 /run/munge
  $SUDO install -d -o munge -g munge -m 0700 /var/lib/munge /var/log/munge
  $SUDO runuser -u munge -- /usr/sbin/munged 9>&-   # the daemons must not hold the test's lock
  started+=(/run/munge/munged.pid)
  for _ in $(seq 50); do munge -n </dev/null 2>/dev/null | unmunge >/dev/null 2>&1 && break; sleep 0.1; done
  munge -n </dev/null | unmunge >/dev/null || fail "munged does not answer"
  say "munged: started (pid $(cat /run/munge/munged.pid))"
}

# 3. A one-node cluster of this machine, on its own ports and files under $state.
start_cluster() {
  if [ -n "${SLURM_CONF:-}" ]; then say "cluster: the one SLURM_CONF describes ($SLURM_CONF)"; return; fi
  local host node
  host=$(hostname -s)
  # This machine as slurmd sees it: CPUs, sockets, cores, threads and the real memory.
  node=$(slurmd -C | head -1)
  [[ "$node" == NodeName=* ]] || fail "slurmd -C gave no node line: $node"
  mkdir -p "$state/ctld" "$state/spool"
  cat >"$state/slurm.conf.new" <<EOF
# Written by test/cluster/slurm.sh: a one-node cluster of this machine for the Slurm test.
ClusterName=society-test
SlurmctldHost=$host
SlurmUser=root
SlurmctldPort=16817
SlurmdPort=16818
AuthType=auth/munge
CredType=cred/munge
StateSaveLocation=$state/ctld
SlurmdSpoolDir=$state/spool
SlurmctldPidFile=$state/slurmctld.pid
SlurmdPidFile=$state/slurmd.pid
SlurmctldLogFile=$state/slurmctld.log
SlurmdLogFile=$state/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
SchedulerType=sched/backfill
MpiDefault=none
ReturnToService=2
AccountingStorageType=accounting_storage/none
JobAcctGatherType=jobacct_gather/none
JobCompType=jobcomp/none
InactiveLimit=0
KillWait=5
# sbatch --wait looks at the job every 2 s while this is at most 5 s (else every 8, then 32 s).
MinJobAge=4
$node State=UNKNOWN
PartitionName=society Nodes=$host Default=YES MaxTime=INFINITE State=UP
EOF
  # Daemons of an earlier run with this very configuration are taken as they are.
  local same=no
  if [ -f "$state/slurm.conf" ] && cmp -s "$state/slurm.conf" "$state/slurm.conf.new"; then same=yes; fi
  mv "$state/slurm.conf.new" "$state/slurm.conf"
  export SLURM_CONF=$state/slurm.conf
  local daemon pidfile pid
  for daemon in slurmctld slurmd; do
    pidfile=$state/$daemon.pid
    pid=$(cat "$pidfile" 2>/dev/null || true)
    if [ -n "$pid" ] && [ -d "/proc/$pid" ]; then
      if [ "$same" = yes ]; then say "$daemon: running (pid $pid)"; continue; fi
      $SUDO kill "$pid"; for _ in $(seq 50); do [ -d "/proc/$pid" ] || break; sleep 0.1; done
    fi
    $SUDO "/usr/sbin/$daemon" -f "$SLURM_CONF" 9>&-
    for _ in $(seq 50); do [ -s "$pidfile" ] && break; sleep 0.1; done
    started+=("$pidfile")
    say "$daemon: started (pid $(cat "$pidfile" 2>/dev/null || echo '?'), log $state/$daemon.log)"
  done
}

# 4. Wait for a node to take jobs.
wait_idle() {
  local s
  for i in $(seq 120); do
    s=$(sinfo -h -o '%T' 2>/dev/null | sort -u | tr '\n' ' ' || true)
    case "$s" in *idle*|*mixed*) say "sinfo: $s"; sinfo; return;; esac
    # A node slurmctld saw go (an earlier run's) comes back.
    if [ "$i" = 20 ] && [ -z "${SOCIETY_SLURM_EXTERNAL:-}" ]; then $SUDO env SLURM_CONF="$SLURM_CONF" scontrol update nodename="$(hostname -s)" state=resume 2>/dev/null || true; fi
    [ "$(( deadline - $(date +%s) ))" -gt 0 ] || break
    sleep 0.5
  done
  fail "no node became idle (sinfo: ${s:-no answer}); see $state/slurmctld.log and $state/slurmd.log"
}

[ -n "${SLURM_CONF:-}" ] && SOCIETY_SLURM_EXTERNAL=1
phase install install_packages
phase cluster start_munge
phase cluster2 start_cluster
phase idle wait_idle
took[cluster]=$(( ${took[cluster]} + ${took[cluster2]} + ${took[idle]} ))

base=$(mktemp -d "$state/run.XXXXXX")
# On a cluster of other machines the shards must land on a shared file system: the checkout's runs/.
if [ -n "${SOCIETY_SLURM_EXTERNAL:-}" ]; then rmdir "$base"; mkdir -p "$repo/runs"; base=$(mktemp -d "$repo/runs/slurm-test.XXXXXX"); fi

# 5. The job array: shard i of 4 into $base/shard-i.
run_array() {
  say "sbatch --wait --array=1-$shards examples/cluster/slurm/experiment.sbatch $scenario $base ${experiment_args[*]}"
  submitted=yes
  local code=0
  timeout "$(left)" sbatch --wait --array="1-$shards" --job-name="$job_name" --chdir="$repo" --output="$base/slurm-%A_%a.out" \
    examples/cluster/slurm/experiment.sbatch "$scenario" "$base" "${experiment_args[@]}" || code=$?
  if [ "$code" != 0 ]; then
    tail -n 20 "$base"/slurm-*.out 2>/dev/null || true
    fail "the job array failed (sbatch --wait exit $code$([ "$code" = 124 ] && echo ': out of time'))"
  fi
  submitted=no
  for i in $(seq "$shards"); do
    [ -s "$base/shard-$i/shard.json" ] || fail "array task $i wrote no $base/shard-$i/shard.json"
    sed -n 1p "$base"/slurm-*_"$i".out
  done
}
phase array run_array

# 6. The same experiment on this machine, in one run.
run_whole() {
  say "society experiment $scenario --out $base/whole ${experiment_args[*]}"
  timeout "$(left)" node bin/society.js experiment "$scenario" --out "$base/whole" -q "${experiment_args[@]}" >"$base/whole.log" || fail "society experiment failed: see $base/whole.log"
  head -1 "$base/whole.log"
}
phase whole run_whole

# 7. Merge, then compare.
run_merge() {
  say "society experiment merge $base/shard-{1..$shards} --out $base/merged"
  local dirs=()
  for i in $(seq "$shards"); do dirs+=("$base/shard-$i"); done
  timeout "$(left)" node bin/society.js experiment merge "${dirs[@]}" --out "$base/merged" -q >"$base/merge.log" || fail "society experiment merge failed: see $base/merge.log"
  head -1 "$base/merge.log"
}
phase merge run_merge

cmp "$base/whole/summary.csv" "$base/merged/summary.csv" || fail "summary.csv differs: diff $base/whole/summary.csv $base/merged/summary.csv"
say "summary.csv: identical ($(wc -l <"$base/merged/summary.csv") lines, $(wc -c <"$base/merged/summary.csv") bytes)"
node -e '
  const fs = require("fs");
  const timeless = (dir) => { const j = JSON.parse(fs.readFileSync(dir + "/experiment.json", "utf8")); delete j.wall_seconds; for (const r of j.runs) delete r.wall_ms; return JSON.stringify(j); };
  if (timeless(process.argv[1]) !== timeless(process.argv[2])) { console.error("experiment.json differs (wall-clock fields aside)"); process.exit(1); }
' "$base/whole" "$base/merged" || fail "experiment.json differs: $base/whole vs $base/merged"
say "experiment.json: identical but for wall-clock fields"
traces=$(find "$base/merged/traces" -name '*.jsonl' | wc -l)
[ "$traces" = "$(find "$base/whole/traces" -name '*.jsonl' | wc -l)" ] || fail "merged traces: $traces, one run: $(find "$base/whole/traces" -name '*.jsonl' | wc -l)"
say "traces: $traces under $base/merged/traces"

rm -rf "$base"
printf 'timings: install %.1f s, cluster up %.1f s, job array (%d shards) %.1f s, one run %.1f s, merge %.1f s; total %s s\n' \
  "$(awk "BEGIN{print ${took[install]}/1000}")" "$(awk "BEGIN{print ${took[cluster]}/1000}")" "$shards" \
  "$(awk "BEGIN{print ${took[array]}/1000}")" "$(awk "BEGIN{print ${took[whole]}/1000}")" "$(awk "BEGIN{print ${took[merge]}/1000}")" "$(elapsed)"
say "PASS: the Slurm job array's merged experiment is the one-machine experiment"
