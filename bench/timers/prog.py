# 40000 tasks sleeping distinct short durations (60 buckets, 5 ms apart, up to
# 0.3 s) towards a common deadline set once all tasks exist; the checksum is
# computed from the order in which they wake (ties within a bucket do not
# affect it).
import asyncio

NB = 60
N = 40000

async def sleeper(i, cfg, order):
    b = (i * 37) % NB
    loop = asyncio.get_running_loop()
    d = cfg[0] + b * 0.005 - loop.time()
    if d < 0:
        d = 0
    await asyncio.sleep(d)
    order.append(b)
    return b

async def main():
    loop = asyncio.get_running_loop()
    cfg = [0.0]
    order = []
    tasks = [asyncio.create_task(sleeper(i, cfg, order)) for i in range(N)]
    cfg[0] = loop.time() + 0.5
    rs = await asyncio.gather(*tasks)
    check = 0
    for p in range(len(order)):
        check = (check * 31 + order[p] * (p + 1)) % 1000000007
    print(check, sum(rs))

asyncio.run(main())
