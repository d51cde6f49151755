# gather: result order, return_exceptions, cancelling the gather cancels
# its children; wait_for (3.12: built on asyncio.timeout).
import asyncio


async def child(name, d, fail=False):
    try:
        await asyncio.sleep(d)
    except asyncio.CancelledError:
        print(name, "cancelled")
        raise
    if fail:
        raise ValueError(name)
    print(name, "ok")
    return name


async def main():
    r = await asyncio.gather(child("a", 0.02), child("b", 0.01, True), child("c", 0), return_exceptions=True)
    print(r)
    g = asyncio.gather(child("d", 1), child("e", 1))
    await asyncio.sleep(0)
    print(g.cancel())
    try:
        await g
    except asyncio.CancelledError:
        print("gather cancelled", g.cancelled())
    try:
        await asyncio.wait_for(child("f", 1), 0.01)
    except TimeoutError:
        print("timeout")
    print(await asyncio.wait_for(child("g", 0), 1))


asyncio.run(main())
