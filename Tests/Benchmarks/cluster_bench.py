#!/usr/bin/env python3
"""Cluster benchmark (#21): documents per second with 1, 2 and 4 workers on one PostgreSQL, beside the embedded
in-process queue with as many workers, and jobs claimed per second by PostgreSQL alone (pgbench).

usage: cluster_bench.py [--docs N] [--workers 1,2,4] [--bindery PATH]
  Run by `make bench`. Starts a throwaway PostgreSQL (initdb, pg_ctl; as the postgres user when root) on a
  temporary directory. Each cluster run: one `serve` node and (workers - 1) `work` nodes, each converting one job
  at a time, over a fresh database and output tree, timed from start to the last document published. The
  embedded run: one `serve` with queue.parallelism = workers. Prints one line per run, then the figures as JSON.
"""
import argparse, glob, json, os, shutil, subprocess, sys, tempfile, time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from bench import BINDERY, CORPUS, make_synthetic  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))


def pg_bin():
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), reverse=True)
    if found:
        return os.path.dirname(found[0])
    initdb = shutil.which("initdb")
    return os.path.dirname(os.path.realpath(initdb)) if initdb else sys.exit("PostgreSQL is not installed (Debian package postgresql)")


class Server:
    def __init__(self):
        self.dir = tempfile.mkdtemp(prefix="bpg-bench-", dir="/tmp")
        self.port = 55000 + os.getpid() % 1000
        self.bin = pg_bin()
        if os.geteuid() == 0:
            shutil.chown(self.dir, "postgres")
        self.tool("initdb", "-D", self.dir + "/data", "-A", "trust", "-U", "postgres", "--no-sync")
        self.tool("pg_ctl", "-D", self.dir + "/data", "-w", "-l", self.dir + "/log", "-o",
                  "-p %d -k %s -c listen_addresses='' -c max_connections=200" % (self.port, self.dir), "start")

    def tool(self, name, *args, capture=False):
        argv = [os.path.join(self.bin, name)] + list(args)
        if os.geteuid() == 0:
            argv = ["runuser", "-u", "postgres", "--"] + argv
        done = subprocess.run(argv, cwd="/tmp", stdout=subprocess.PIPE if capture else subprocess.DEVNULL,
                              stderr=subprocess.STDOUT, check=True, close_fds=True)
        return done.stdout.decode() if capture else ""

    def url(self, db):
        return "postgresql://postgres@/%s?host=%s&port=%d" % (db, self.dir, self.port)

    def sql(self, db, statement):
        return self.tool("psql", "-h", self.dir, "-p", str(self.port), "-U", "postgres", "-d", db, "-At", "-c", statement, capture=True).strip()

    def stop(self):
        subprocess.run(["runuser", "-u", "postgres", "--"] * (os.geteuid() == 0) + [os.path.join(self.bin, "pg_ctl"), "-D", self.dir + "/data", "-m", "fast", "stop"],
                       cwd="/tmp", stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        shutil.rmtree(self.dir, ignore_errors=True)


def published_files(out):
    return sum(1 for _ in glob.glob(os.path.join(out, "**", "*.epub"), recursive=True))


def timed_run(corpus, count, nodes):
    """Starts `nodes` (lists of arguments after the binary), waits for `count` EPUBs; seconds, then stops them."""
    work = tempfile.mkdtemp(prefix="bench-cluster-")
    out = os.path.join(work, "out")
    started = time.perf_counter()
    procs = []
    for i, args in enumerate(nodes):
        with open(os.path.join(work, "config-%d.yaml" % i), "w") as f:
            f.write(args.pop())
        procs.append(subprocess.Popen([BINDERY] + args + ["--config", os.path.join(work, "config-%d.yaml" % i), "--corpus", corpus,
                                       "--out", out, "--state", os.path.join(work, "state-%d" % i)],
                                      stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))
    while published_files(out) < count:
        if time.perf_counter() - started > 3600:
            sys.exit("the run did not publish %d documents in an hour" % count)
        time.sleep(0.2)
    elapsed = time.perf_counter() - started
    for p in procs:
        p.terminate()
    for p in procs:
        p.wait()
    shutil.rmtree(work, ignore_errors=True)
    return elapsed


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--docs", type=int, default=5000)
    parser.add_argument("--workers", default="1,2,4")
    args = parser.parse_args()
    corpus = tempfile.mkdtemp(prefix="bench-corpus-")
    make_synthetic(corpus, sorted(glob.glob(os.path.join(CORPUS, "*.txt"))), args.docs)
    server = Server()
    figures = {"docs": args.docs, "runs": []}
    try:
        for workers in [int(w) for w in args.workers.split(",")]:
            one = "queue:\n  parallelism: 1\nwatch:\n  early_start: false\n"
            embedded = timed_run(corpus, args.docs, [["serve", "queue:\n  parallelism: %d\n" % workers]])
            db = "bench%d" % workers
            server.tool("createdb", "-h", server.dir, "-p", str(server.port), "-U", "postgres", db)
            nodes = [["serve", "--queue", server.url(db), one]] + [["work", "--queue", server.url(db), one] for _ in range(workers - 1)]
            cluster = timed_run(corpus, args.docs, nodes)
            row = {"workers": workers, "embedded_s": round(embedded, 2), "cluster_s": round(cluster, 2),
                   "embedded_docs_per_s": round(args.docs / embedded, 1), "cluster_docs_per_s": round(args.docs / cluster, 1),
                   "cluster_overhead_ms_per_job": round((cluster - embedded) / args.docs * 1000 * workers, 1)}
            figures["runs"].append(row)
            print("workers %(workers)d: embedded %(embedded_docs_per_s)s docs/s, cluster %(cluster_docs_per_s)s docs/s, "
                  "cluster overhead %(cluster_overhead_ms_per_job)s ms per job per worker" % row, flush=True)
        # PostgreSQL alone: claim and complete, from a queue of 200,000 rows.
        server.tool("createdb", "-h", server.dir, "-p", str(server.port), "-U", "postgres", "claims")
        subprocess.run([BINDERY, "migrate", "--queue", server.url("claims")], check=True, stdout=subprocess.DEVNULL)
        server.sql("claims", "INSERT INTO bindery_queue (path, kind, trigger, priority) SELECT 'doc-' || g || '.txt', 'convert', 'startup', 0 "
                             "FROM generate_series(1, 200000) g")
        figures["claims_per_s"] = {}
        script = os.path.join(server.dir, "claim.sql")
        shutil.copy(os.path.join(HERE, "cluster-claim.sql"), script)
        os.chmod(script, 0o644)
        for clients in (1, 2, 4):
            report = server.tool("pgbench", "-h", server.dir, "-p", str(server.port), "-U", "postgres", "-n", "-f", script,
                                 "-c", str(clients), "-j", str(clients), "-T", "10", "claims", capture=True)
            tps = next(float(line.split("=")[1].split()[0]) for line in report.splitlines() if line.startswith("tps"))
            figures["claims_per_s"][clients] = round(tps)
            print("PostgreSQL alone, %d connection(s): %d jobs claimed and completed per second" % (clients, tps), flush=True)
    finally:
        server.stop()
        shutil.rmtree(corpus, ignore_errors=True)
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
