# sleep(0) round-robin, call_soon callbacks and task wake-up order.
import asyncio


async def worker(name, n):
    for i in range(n):
        print(name, i)
        await asyncio.sleep(0)
    print(name, "done")
    return name.upper()


async def main():
    loop = asyncio.get_running_loop()
    loop.call_soon(print, "cb1")
    t1 = asyncio.create_task(worker("a", 3))
    loop.call_soon(print, "cb2")
    t2 = asyncio.create_task(worker("b", 2))
    print("main before")
    await asyncio.sleep(0)
    print("main after")
    r = await t1
    print("t1 ->", r, t2.done())
    print(await t2)


asyncio.run(main())
