# Future and Task API: InvalidStateError messages, cancel messages, Task-N
# naming (name= still consumes a number), exception classes.
import asyncio


async def noop():
    return 1


async def main():
    loop = asyncio.get_running_loop()
    f = loop.create_future()
    for meth in (f.result, f.exception):
        try:
            meth()
        except asyncio.InvalidStateError as e:
            print(type(e).__name__, e)
    f.set_result(3)
    try:
        f.set_result(4)
    except asyncio.InvalidStateError as e:
        print("again:", e)
    print(f.result(), f.exception(), f.done(), f.cancelled())
    c = loop.create_future()
    print(c.cancel("why"), c.cancel(), c.cancelled())
    try:
        c.result()
    except asyncio.CancelledError as e:
        print("cancelled:", e.args)
    t1 = asyncio.create_task(noop())
    t2 = asyncio.create_task(noop(), name="named")
    t3 = asyncio.create_task(noop())
    print(t1.get_name(), t2.get_name(), t3.get_name())
    t3.set_name("renamed")
    print(t3.get_name())
    print(await t1, t1.done())
    print(issubclass(asyncio.CancelledError, Exception), issubclass(asyncio.CancelledError, BaseException))
    print(asyncio.TimeoutError is TimeoutError)
    print(asyncio.current_task().get_name(), len(asyncio.all_tasks()))


asyncio.run(main())
