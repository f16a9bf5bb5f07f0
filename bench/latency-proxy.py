#!/usr/bin/env python3
"""A loopback TCP proxy that adds a fixed one-way delay to every chunk in each direction, and counts
round trips (a client send that follows a server reply). For the fleet benchmark's "80 ms round trip"
figure. Usage: latency-proxy.py LISTEN_PORT TARGET_PORT ONE_WAY_MS COUNT_FILE"""
import asyncio, sys

listen, target, delay, count_file = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]) / 1000.0, sys.argv[4]
round_trips = 0


async def pipe(reader, writer, state, from_client):
    global round_trips
    loop = asyncio.get_running_loop()
    queue = asyncio.Queue()

    async def deliver():
        while True:
            due, data = await queue.get()
            if data is None:
                break
            wait = due - loop.time()
            if wait > 0:
                await asyncio.sleep(wait)
            writer.write(data)
            await writer.drain()
        writer.close()

    sender = asyncio.create_task(deliver())
    while True:
        data = await reader.read(65536)
        if not data:
            break
        if from_client and state["server_spoke"]:
            round_trips += 1
            state["server_spoke"] = False
        if not from_client:
            state["server_spoke"] = True
        queue.put_nowait((loop.time() + delay, data))
    queue.put_nowait((0, None))
    await sender


async def handle(client_reader, client_writer):
    server_reader, server_writer = await asyncio.open_connection("127.0.0.1", target)
    state = {"server_spoke": True}  # the client's first packet starts the first round trip
    await asyncio.gather(pipe(client_reader, server_writer, state, True), pipe(server_reader, client_writer, state, False),
                         return_exceptions=True)


async def report():
    while True:
        await asyncio.sleep(0.5)
        with open(count_file, "w") as f:
            f.write(str(round_trips))


async def main():
    server = await asyncio.start_server(handle, "127.0.0.1", listen)
    asyncio.create_task(report())
    async with server:
        await server.serve_forever()

asyncio.run(main())
