"""CPython 3.12 figures for the workloads of rtlib/aio's Go benchmarks.

Prints lines "BenchmarkName <ns/op>" (the names of the Go benchmarks) and
"MillionSleepers <MB>" (peak RSS growth while N tasks sleep, scaled to 10^6).
Usage: python3 bench.py [n_sleepers]
"""
import asyncio
import resource
import sys
import time

N = 200_000


def report(name, t0, n):
    print(f"{name} {(time.perf_counter() - t0) / n * 1e9:.1f}")


async def yielder(n):
    for _ in range(n):
        await asyncio.sleep(0)


async def sleep0_switch():
    # Two tasks alternating on sleep(0): one switch per op.
    t0 = time.perf_counter()
    other = asyncio.create_task(yielder(N // 2))
    await yielder(N // 2)
    await other
    report("BenchmarkSleep0Switch", t0, N)
    t0 = time.perf_counter()
    await yielder(N)
    report("BenchmarkAsyncioSleep0", t0, N)


async def nothing():
    return None


async def create_to_done():
    t0 = time.perf_counter()
    for _ in range(N):
        await asyncio.create_task(nothing())
    report("BenchmarkTaskCreateToDone", t0, N)


async def timer():
    loop = asyncio.get_running_loop()
    done = loop.create_future()
    left = N

    def cb():
        nonlocal left
        left -= 1
        if left <= 0:
            done.set_result(None)
        else:
            loop.call_later(0, cb)

    t0 = time.perf_counter()
    loop.call_later(0, cb)
    await done
    report("BenchmarkTimer", t0, N)


async def queue_handoff():
    q = asyncio.Queue(maxsize=1)

    async def producer():
        for i in range(N):
            await q.put(i)

    async def consumer():
        for _ in range(N):
            await q.get()

    t0 = time.perf_counter()
    await asyncio.gather(producer(), consumer())
    report("BenchmarkQueueHandoff", t0, N)


async def sleepers(n):
    async def sleeper():
        await asyncio.sleep(0.2)

    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    tasks = [asyncio.create_task(sleeper()) for _ in range(n)]
    await asyncio.sleep(0)
    after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    await asyncio.gather(*tasks)
    mb = (after - before) / 1024 * (1_000_000 / n)
    print(f"MillionSleepers {mb:.1f}")


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
    asyncio.run(sleep0_switch())
    asyncio.run(create_to_done())
    asyncio.run(timer())
    asyncio.run(queue_handoff())
    asyncio.run(sleepers(n))


main()
