# Cancellation: a task waiting on a future, one that suppresses it, and done
# callbacks scheduled in registration order.
import asyncio


async def victim():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError as e:
        print("victim cancelled", e.args)
        raise


async def stubborn():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print("stubborn ignores")
    return "kept"


async def main():
    t = asyncio.create_task(victim())
    s = asyncio.create_task(stubborn())
    await asyncio.sleep(0)
    print(t.cancel("bye"), t.cancelling())
    print(s.cancel())
    try:
        await t
    except asyncio.CancelledError as e:
        print("main saw", e.args, t.cancelled())
    print(await s, s.cancelled(), s.cancelling())
    f = asyncio.get_running_loop().create_future()
    f.add_done_callback(lambda f: print("cb1", f.result()))
    f.add_done_callback(lambda f: print("cb2"))
    f.set_result(5)
    print("set")
    await asyncio.sleep(0)
    print("after")


asyncio.run(main())
