# Wake-up order: queue getters, lock fairness, event waiters.
import asyncio


async def getter(q, name):
    item = await q.get()
    print(name, "got", item)


async def locker(lock, name):
    await lock.acquire()
    print(name, "acquired")
    await asyncio.sleep(0)
    lock.release()
    print(name, "released")


async def waiter(ev, name):
    await ev.wait()
    print(name, "woke")


async def main():
    q = asyncio.Queue()
    getters = [asyncio.create_task(getter(q, n)) for n in "xyz"]
    await asyncio.sleep(0)
    for i in range(3):
        q.put_nowait(i)
    print("put all", q.qsize())
    await asyncio.gather(*getters)
    lock = asyncio.Lock()
    await asyncio.gather(locker(lock, "a"), locker(lock, "b"), locker(lock, "c"))
    ev = asyncio.Event()
    ws = [asyncio.create_task(waiter(ev, n)) for n in "pq"]
    await asyncio.sleep(0)
    ev.set()
    print("set")
    await asyncio.gather(*ws)


asyncio.run(main())
