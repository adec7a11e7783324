"""The GIL is released while Rust works: another Python thread runs during a batch call."""

import threading
import time

import pyarrow as pa

import samestory


def test_python_threads_run_during_a_batch_call():
    words = "harbour bridge cables council repairs ferry traffic inspectors span".split()
    texts = pa.array(
        [" ".join(words[(i + j) % len(words)] for j in range(300)) + f" {i}" for i in range(4000)]
    )
    span: dict[str, float] = {}

    def work():
        span["start"] = time.perf_counter()
        samestory.signatures(texts)
        span["end"] = time.perf_counter()

    worker = threading.Thread(target=work)
    ticks = []
    worker.start()
    while worker.is_alive():
        ticks.append(time.perf_counter())
        time.sleep(0.001)
    worker.join()
    during = [t for t in ticks if span["start"] < t < span["end"]]
    assert span["end"] - span["start"] > 0.01, "the call was too short to tell"
    assert during, "no Python thread ran while signatures() worked"
