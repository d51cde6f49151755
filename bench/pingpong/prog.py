# Two tasks ping-ponging a counter through two queues 100000 times.
import asyncio

async def ping(inq, outq, n):
    for _ in range(n):
        v = await inq.get()
        await outq.put(v + 1)

async def main():
    a, b = asyncio.Queue(), asyncio.Queue()
    n = 100000
    t1 = asyncio.create_task(ping(a, b, n))
    t2 = asyncio.create_task(ping(b, a, n))
    await a.put(0)
    await asyncio.gather(t1, t2)
    print(await a.get())

asyncio.run(main())
