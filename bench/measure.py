#!/usr/bin/env python3
"""Runs a command N times and prints, per run, its wall time and CPU time
(user + system) in seconds and its peak resident memory in KiB, from the
kernel's own accounting of the child (wait4), to the microsecond.

  measure.py N STDOUT_FILE CMD [ARG...]

The command's standard output goes to STDOUT_FILE (the last run's stays
there), its standard error to /dev/null. Exit codes 0 and 1 (findings) are
fine, and 2 (bad input) when DEKOM_BENCH_BAD_INPUT=1 (bench/growth.sh
times the reports of bad files); anything else stops the bench."""
import os
import sys
import time


def main():
    n, out, cmd = int(sys.argv[1]), sys.argv[2], sys.argv[3:]
    for _ in range(n):
        with open(out, "wb") as o, open(os.devnull, "wb") as e:
            t0 = time.perf_counter()
            pid = os.fork()
            if pid == 0:
                os.dup2(o.fileno(), 1)
                os.dup2(e.fileno(), 2)
                try:
                    os.execvp(cmd[0], cmd)
                finally:
                    os._exit(127)
            _, status, ru = os.wait4(pid, 0)
            wall = time.perf_counter() - t0
        rc = os.waitstatus_to_exitcode(status)
        ok = (0, 1, 2) if os.environ.get("DEKOM_BENCH_BAD_INPUT") == "1" else (0, 1)
        if rc not in ok:
            sys.exit(f"measure.py: {cmd[0]} exited with {rc}")
        print(f"{wall:.6f} {ru.ru_utime + ru.ru_stime:.6f} {ru.ru_maxrss}")


if __name__ == "__main__":
    main()
