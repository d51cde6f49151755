# Timer order: deadline first, then creation order; a timer callback runs in
# the iteration its deadline falls in, the task it wakes one iteration later.
import asyncio


async def sleeper(name, d):
    print("start", name)
    await asyncio.sleep(d)
    print("wake", name)
    return d


async def main():
    loop = asyncio.get_running_loop()
    specs = [("x", 0.02), ("y", 0.01), ("z", 0.02), ("w", 0)]
    tasks = [asyncio.create_task(sleeper(n, d)) for n, d in specs]
    loop.call_later(0.01, print, "timer 0.01")
    print(await asyncio.gather(*tasks))
    print("all")


asyncio.run(main())
