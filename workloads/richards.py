# A Richards-style operating-system scheduler simulation without classes:
# tasks are dicts holding their handler function, packets are lists.
# Exercises: dict and list subscripts, indirect calls through stored
# functions, list append/pop queues, many small branches.
import sys

IDLE, WORKER, HANDLER_A, HANDLER_B, DEVICE_A, DEVICE_B = 0, 1, 2, 3, 4, 5
KIND_DEVICE, KIND_WORK = 0, 1
BUFSIZE = 4

# Packet layout: [task id (destination, then sender), kind, a1, data list]
P_ID, P_KIND, P_A1, P_DATA = 0, 1, 2, 3


def make_packet(task_id, kind):
    return [task_id, kind, 0, [0] * BUFSIZE]


def runnable(task):
    return not task["held"] and (len(task["queue"]) > 0 or not task["waiting"])


# Scheduler primitives. Each returns the index of the task to consider next;
# tasks are kept in descending priority order, so a lower index means a
# higher priority.

def wait(sched, me):
    sched["tasks"][me]["waiting"] = True
    return me


def hold_self(sched, me):
    sched["holds"] += 1
    sched["tasks"][me]["held"] = True
    return me + 1


def release(sched, me, task_id):
    target = sched["index"][task_id]
    sched["tasks"][target]["held"] = False
    return min(target, me)


def send(sched, me, packet):
    target = sched["index"][packet[P_ID]]
    sched["sends"] += 1
    packet[P_ID] = sched["tasks"][me]["id"]
    sched["tasks"][target]["queue"].append(packet)
    return min(target, me)


# Task bodies: fn(sched, me, task, packet_or_None) -> next task index.

def idle_fn(sched, me, task, packet):
    data = task["data"]
    data[1] -= 1
    if data[1] <= 0:
        return hold_self(sched, me)
    control = data[0]
    if control & 1 == 0:
        data[0] = control // 2
        return release(sched, me, DEVICE_A)
    data[0] = (control // 2) ^ 0xD008
    return release(sched, me, DEVICE_B)


def worker_fn(sched, me, task, packet):
    if packet is None:
        return wait(sched, me)
    data = task["data"]
    if data[0] == HANDLER_A:
        data[0] = HANDLER_B
    else:
        data[0] = HANDLER_A
    packet[P_ID] = data[0]
    packet[P_A1] = 0
    buf = packet[P_DATA]
    for i in range(BUFSIZE):
        data[1] += 1
        if data[1] > 26:
            data[1] = 1
        buf[i] = ord("A") + data[1] - 1
    return send(sched, me, packet)


def handler_fn(sched, me, task, packet):
    work, devices = task["data"]
    if packet is not None:
        if packet[P_KIND] == KIND_WORK:
            work.append(packet)
        else:
            devices.append(packet)
    if work:
        job = work[0]
        count = job[P_A1]
        if count >= BUFSIZE:
            work.pop(0)
            return send(sched, me, job)
        if devices:
            dev = devices.pop(0)
            dev[P_A1] = job[P_DATA][count]
            job[P_A1] = count + 1
            return send(sched, me, dev)
    return wait(sched, me)


def device_fn(sched, me, task, packet):
    data = task["data"]
    if packet is None:
        pending = data[0]
        if pending is None:
            return wait(sched, me)
        data[0] = None
        return send(sched, me, pending)
    data[0] = packet
    sched["checksum"] = (sched["checksum"] * 7 + packet[P_A1]) % 1000003
    return hold_self(sched, me)


def make_task(task_id, priority, fn, data, queue, waiting):
    return {"id": task_id, "priority": priority, "fn": fn, "data": data,
            "queue": queue, "waiting": waiting, "held": False}


def make_scheduler(idle_count):
    tasks = [
        make_task(IDLE, 0, idle_fn, [1, idle_count], [], False),
        make_task(WORKER, 1000, worker_fn, [HANDLER_A, 0],
                  [make_packet(WORKER, KIND_WORK) for _ in range(2)], True),
        make_task(HANDLER_A, 2000, handler_fn, [[], []],
                  [make_packet(DEVICE_A, KIND_DEVICE) for _ in range(3)], True),
        make_task(HANDLER_B, 3000, handler_fn, [[], []],
                  [make_packet(DEVICE_B, KIND_DEVICE) for _ in range(3)], True),
        make_task(DEVICE_A, 4000, device_fn, [None], [], True),
        make_task(DEVICE_B, 5000, device_fn, [None], [], True),
    ]
    tasks = sorted(tasks, key=lambda t: -t["priority"])
    index = {t["id"]: i for i, t in enumerate(tasks)}
    return {"tasks": tasks, "index": index, "sends": 0, "holds": 0, "checksum": 0}


def schedule(sched):
    tasks = sched["tasks"]
    steps = 0
    current = 0
    while current < len(tasks):
        task = tasks[current]
        if not runnable(task):
            current += 1
            continue
        packet = None
        if task["queue"]:
            packet = task["queue"].pop(0)
            task["waiting"] = False
        steps += 1
        current = task["fn"](sched, current, task, packet)
    return steps


def main(n):
    sched = make_scheduler(n)
    steps = schedule(sched)
    print(f"steps={steps} sends={sched['sends']} holds={sched['holds']} checksum={sched['checksum']}")


n = int(sys.argv[1]) if len(sys.argv) > 1 else 280000
main(n)
