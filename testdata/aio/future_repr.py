# repr of futures in each state, and with a task waiting on one.
import asyncio
async def main():
    loop = asyncio.get_running_loop()
    f = loop.create_future()
    print(repr(f))
    f.set_result(3)
    print(repr(f))
    g = loop.create_future()
    g.set_exception(ValueError("x"))
    print(repr(g))
    h = loop.create_future()
    h.cancel()
    print(repr(h))
    g.exception()
asyncio.run(main())
async def two():
    loop = asyncio.get_running_loop()
    f = loop.create_future()
    async def w(): await f
    t = asyncio.create_task(w())
    await asyncio.sleep(0)
    print(repr(f))
    f.set_result([1, 2])
    print(repr(f))
    await t
asyncio.run(two())
