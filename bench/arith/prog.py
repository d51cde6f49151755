# Integer and float arithmetic inside coroutines, with a few awaits.
import asyncio

async def crunch(seed, n):
    x = seed
    acc = 0.0
    for i in range(n):
        x = (x * 1103515245 + 12345) % 2147483648
        acc += (x % 1000) / 7.0
        if i % 10000 == 0:
            await asyncio.sleep(0)
    return int(acc) + x

async def main():
    rs = await asyncio.gather(*[crunch(s, 400000) for s in range(8)])
    print(sum(rs))

asyncio.run(main())
