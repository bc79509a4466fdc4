"""A local SMTP server for the demo and the tests (issue 23): aiosmtpd, a real SMTP server,
accepting every message and writing it to a directory as <n>.eml, and beside it <n>.json
(recipients, sender, subject and text, decoded), where the tests read what it received. While a file REFUSE exists in that directory it answers every message with a
temporary failure (421), so the tests can see the outbox try again.

    python3 mailsink/sink.py --port 2525 --dir /tmp/mail
"""
import argparse
import asyncio
import email
import email.policy
import itertools
import json
import os
import signal

from aiosmtpd.controller import Controller


class Sink:
    def __init__(self, directory):
        self.directory = directory
        self.counter = itertools.count(1)

    async def handle_DATA(self, server, session, envelope):
        if os.path.exists(os.path.join(self.directory, "REFUSE")):
            return "421 4.3.0 The sink refuses mail for now"
        n = next(self.counter)
        raw = envelope.original_content or envelope.content
        message = email.message_from_bytes(raw, policy=email.policy.default)
        body = message.get_body(preferencelist=("plain",))
        decoded = {
            "to": envelope.rcpt_tos,
            "from": str(message["From"]),
            "subject": str(message["Subject"]),
            "text": body.get_content() if body is not None else "",
        }
        for suffix, content in ((".eml", raw), (".json", json.dumps(decoded).encode())):
            path = os.path.join(self.directory, f"{n:06d}{suffix}")
            with open(path + ".tmp", "wb") as f:
                f.write(content)
            os.replace(path + ".tmp", path)
        return "250 OK"


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--dir", required=True)
    args = parser.parse_args()
    os.makedirs(args.dir, exist_ok=True)
    controller = Controller(Sink(args.dir), hostname=args.host, port=args.port)
    controller.start()
    print(f"mail sink on {args.host}:{args.port}, writing to {args.dir}", flush=True)
    loop = asyncio.new_event_loop()
    stop = loop.create_future()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, lambda: stop.done() or stop.set_result(None))
    loop.run_until_complete(stop)
    controller.stop()


if __name__ == "__main__":
    main()
