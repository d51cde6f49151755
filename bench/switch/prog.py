# 1000 tasks each doing 600 sleep(0) switches, gathered; prints a checksum.
import asyncio

async def worker(i, n):
    total = 0
    for k in range(n):
        await asyncio.sleep(0)
        total += k ^ i
    return total

async def main():
    results = await asyncio.gather(*[worker(i, 600) for i in range(1000)])
    print(sum(results))

asyncio.run(main())
