# asyncio.timeout: expiry, reschedule, when, timeout(0), nesting with
# cancelling(); wait_for's TimeoutError.
import asyncio


async def inner():
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        print("inner cancelled")
        raise


async def main():
    loop = asyncio.get_running_loop()
    t = asyncio.current_task()
    try:
        async with asyncio.timeout(0.01) as cm:
            print("expired?", cm.expired())
            await asyncio.sleep(1)
    except TimeoutError:
        print("timed out", cm.expired(), t.cancelling())
    async with asyncio.timeout(None) as cm:
        print(cm.when())
        cm.reschedule(loop.time() + 10)
        print(cm.when() is not None)
        await asyncio.sleep(0)
    print("no timeout", cm.expired())
    try:
        async with asyncio.timeout(0):
            print("body runs")
            await asyncio.sleep(0)
            print("not reached")
    except TimeoutError:
        print("timeout(0)", t.cancelling())
    try:
        async with asyncio.timeout(1):
            async with asyncio.timeout(0.01):
                await inner()
    except TimeoutError:
        print("inner timeout caught outside")
    try:
        await asyncio.wait_for(inner(), 0.01)
    except TimeoutError as e:
        print("wait_for timeout", type(e.__cause__).__name__)
    print(await asyncio.wait_for(asyncio.sleep(0, "fast"), 1))


asyncio.run(main())
