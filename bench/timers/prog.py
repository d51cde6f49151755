# Tens of thousands of timers: 40000 tasks each sleep 5 times, every sleep a
# short timer (0.1 to 0.4 ms) that differs from task to task, so the timer
# heap holds up to 40000 entries and new ones land all over it. A task folds
# its index and its rounds into a value; the checksum sums them, so it does
# not depend on how a loaded machine orders wake-ups that fall due together
# (only on every timer firing and every task resuming where it slept).
import asyncio

N = 40000
ROUNDS = 5

async def sleeper(i):
    acc = i
    for r in range(ROUNDS):
        await asyncio.sleep((1 + (i * 7 + r) % 4) * 0.0001)
        acc = (acc * 31 + r + 1) % 1000003
    return acc

async def main():
    rs = await asyncio.gather(*[sleeper(i) for i in range(N)])
    print(sum(rs), len(rs))

asyncio.run(main())
