# A million concurrently sleeping tasks: each sleeps 1 s and returns its index.
import asyncio

async def sleeper(i):
    await asyncio.sleep(1)
    return i

async def main():
    tasks = [asyncio.create_task(sleeper(i)) for i in range(1000000)]
    rs = await asyncio.gather(*tasks)
    print(sum(rs))

asyncio.run(main())
