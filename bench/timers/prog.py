# 40000 tasks each sleeping a distinct short duration (i * 10 us, up to 0.4 s);
# the checksum is computed from the order in which they wake. Tasks start in
# creation order and longer sleeps belong to later tasks, so the wake order is
# fixed however slowly the tasks start (a loaded machine cannot reorder it).
import asyncio

N = 40000

async def sleeper(i, order):
    await asyncio.sleep(i * 0.00001)
    order.append(i)
    return i % 97

async def main():
    order = []
    rs = await asyncio.gather(*[sleeper(i, order) for i in range(N)])
    check = 0
    for p in range(len(order)):
        check = (check * 31 + order[p] * (p + 1)) % 1000000007
    print(check, sum(rs))

asyncio.run(main())
