#!/usr/bin/env python3
"""A Spark standalone cluster on loopback, for trying the parse job on one machine: a master
and N workers started from the pyspark wheel's `spark-class` (the wheel has no `start-*.sh`),
each in a process group of its own, and all stopped on exit.

    python3 dist/spark/standalone.py --workers 2 -- \\
        spark-submit dist/spark/parse_job.py --output /tmp/parsed corpus

runs the command with SPARK_MASTER set (spark-submit --master "$SPARK_MASTER" is added when the
command is spark-submit) and stops the cluster when it ends. Imported, `Cluster` does the same
for the test (tests/spark/run.py) and the benchmark (benches/spark.py).
"""

import argparse
import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def spark_home(python):
    """The Spark inside the pyspark wheel of `python`."""
    out = subprocess.run(
        [python, "-c", "import os, pyspark; print(os.path.dirname(pyspark.__file__))"],
        stdout=subprocess.PIPE, check=True, text=True)
    return out.stdout.strip()


class Cluster:
    """A master and `workers` workers of `cores` cores each on 127.0.0.1, their logs and work
    folders under `scratch`."""

    def __init__(self, python, workers=2, cores=1, memory="1g", scratch="/tmp/referat-spark"):
        self.python, self.workers, self.cores, self.memory = python, workers, cores, memory
        self.scratch = os.path.abspath(scratch)
        self.home = spark_home(python)
        self.procs = []
        self.env = dict(os.environ, SPARK_HOME=self.home, SPARK_LOCAL_IP="127.0.0.1",
                        PYSPARK_PYTHON=python, PYSPARK_DRIVER_PYTHON=python,
                        SPARK_LOG_DIR=os.path.join(self.scratch, "logs"))
        self.port, self.ui = free_port(), free_port()
        self.url = f"spark://127.0.0.1:{self.port}"

    def _start(self, name, *args):
        os.makedirs(self.scratch, exist_ok=True)
        log = open(os.path.join(self.scratch, name + ".log"), "w")
        cmd = [os.path.join(self.home, "bin", "spark-class"), *args]
        self.procs.append(subprocess.Popen(cmd, env=self.env, stdout=log, stderr=subprocess.STDOUT,
                                           start_new_session=True))

    def alive_workers(self):
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{self.ui}/json/", timeout=2) as r:
                return json.load(r).get("aliveworkers", 0)
        except OSError:
            return 0

    def __enter__(self):
        try:
            self._start("master", "org.apache.spark.deploy.master.Master", "--host", "127.0.0.1",
                        "--port", str(self.port), "--webui-port", str(self.ui))
            for n in range(self.workers):
                work = os.path.join(self.scratch, f"work-{n}")
                self._start(f"worker-{n}", "org.apache.spark.deploy.worker.Worker",
                            "--host", "127.0.0.1", "--cores", str(self.cores), "--memory", self.memory,
                            "--webui-port", str(free_port()), "--work-dir", work, self.url)
            deadline = time.time() + 120
            while self.alive_workers() < self.workers:
                if time.time() > deadline or any(p.poll() is not None for p in self.procs):
                    raise RuntimeError(f"the Spark cluster did not come up (logs in {self.scratch})")
                time.sleep(0.5)
        except BaseException:
            self.stop()
            raise
        return self

    def submit(self, *args, **kw):
        """spark-submit against this cluster; returns the CompletedProcess."""
        cmd = [os.path.join(self.home, "bin", "spark-submit"), "--master", self.url,
               "--conf", "spark.driver.host=127.0.0.1", "--conf", "spark.ui.enabled=false",
               "--conf", f"spark.executor.memory={self.memory}", *args]
        return subprocess.run(cmd, env=self.env, **kw)

    def stop(self):
        for p in self.procs:
            if p.poll() is None:
                try:
                    os.killpg(p.pid, signal.SIGTERM)
                except ProcessLookupError:
                    pass
        for p in self.procs:
            try:
                p.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(p.pid, signal.SIGKILL)
                p.wait()
        self.procs = []

    def __exit__(self, *exc):
        self.stop()


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--workers", type=int, default=2)
    p.add_argument("--cores", type=int, default=1, help="cores per worker")
    p.add_argument("--memory", default="1g", help="memory per worker")
    p.add_argument("--python", default=sys.executable, help="a Python with pyspark installed")
    p.add_argument("--scratch", default="/tmp/referat-spark", help="logs and work folders")
    p.add_argument("command", nargs=argparse.REMAINDER)
    args = p.parse_args()
    command = [c for c in args.command if c != "--"]
    with Cluster(args.python, args.workers, args.cores, args.memory, args.scratch) as cluster:
        print(f"standalone: {args.workers} workers at {cluster.url}", file=sys.stderr)
        if not command:
            print("standalone: no command; Ctrl-C stops the cluster", file=sys.stderr)
            try:
                signal.pause()
            except KeyboardInterrupt:
                return 0
        if command[0] == "spark-submit":
            return cluster.submit(*command[1:]).returncode
        return subprocess.run(command, env=dict(cluster.env, SPARK_MASTER=cluster.url)).returncode


if __name__ == "__main__":
    sys.exit(main())
