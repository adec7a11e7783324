"""Runs one command as a child process with a wall-time limit and a peak-RSS guard, and
measures it: wall seconds, CPU seconds (user + sys, from os.wait4) and peak RSS (MB).

A run that passes the time limit or whose resident memory passes the memory limit (polled
from /proc every 50 ms by a watchdog thread) is killed with its process group and reported as such, so a
quadratic blow-up neither hangs the bench nor takes the shared host's memory.
"""
import os
import signal
import subprocess
import threading
import time


class Run:
    """What one run cost and how it ended: status is "ok", "exit N", "timeout" or "memory"."""

    def __init__(self, status, wall, cpu, rss_mb):
        self.status, self.wall, self.cpu, self.rss_mb = status, wall, cpu, rss_mb

    @property
    def ok(self):
        return self.status == "ok"


def rss_mb(pid):
    """Current resident set of `pid` in MB (0 when it is gone)."""
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def run_limited(cmd, timeout=300.0, mem_mb=4000.0, stdout=None, stderr=None):
    """Runs `cmd`; kills it (and its process group) past `timeout` seconds or `mem_mb` MB.
    The parent waits in os.wait4 (exact wall time); a watchdog thread polls the limits."""
    start = time.monotonic()
    proc = subprocess.Popen(cmd, stdout=stdout, stderr=stderr, start_new_session=True)
    killed, done = [], threading.Event()

    def watch():
        while not done.wait(0.05):
            why = ("timeout" if time.monotonic() - start > timeout
                   else "memory" if rss_mb(proc.pid) > mem_mb else None)
            if why:
                killed.append(why)
                try:
                    os.killpg(proc.pid, signal.SIGKILL)
                except ProcessLookupError:
                    pass
                return

    watchdog = threading.Thread(target=watch, daemon=True)
    watchdog.start()
    _, status, ru = os.wait4(proc.pid, 0)
    wall = time.monotonic() - start
    done.set()
    watchdog.join()
    proc.returncode = code = os.waitstatus_to_exitcode(status)
    state = killed[0] if killed else ("ok" if code == 0 else f"exit {code}")
    return Run(state, wall, ru.ru_utime + ru.ru_stime, ru.ru_maxrss / 1024)
