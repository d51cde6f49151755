# A Semaphore(100)-limited fan-out of 100000 small coroutines, gathered.
import asyncio

async def job(sem, i):
    async with sem:
        await asyncio.sleep(0)
        return (i * i) % 1009

async def main():
    sem = asyncio.Semaphore(100)
    rs = await asyncio.gather(*[job(sem, i) for i in range(100000)])
    print(sum(rs))

asyncio.run(main())
