"""Hold scripted conversations with the trained bot and print every reply (for reading them).

    python -m tools.talk FILE.yml      # YAML: a list of {name: ..., turns: [message, ...]}

Each conversation is a fresh session; the output shows each message and the bot's replies as
the user reads them. Nothing is stored beyond the in-memory tracker of this process.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import textwrap
from pathlib import Path

import yaml


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("script", type=Path)
    args = parser.parse_args(argv)
    from tools.conversation import Conversation, action_server, load_agent, newest_model
    from tools.evaluate import quiet_rasa_logs

    quiet_rasa_logs()
    model = newest_model()
    if model is None:
        print("Kein Modell in models/: zuerst 'make train'.")
        return 2
    conversations = yaml.safe_load(args.script.read_text(encoding="utf-8"))
    loop = asyncio.new_event_loop()
    try:
        with action_server() as webhook:
            agent = load_agent(model, webhook, loop)
            for item in conversations:
                print(f"\n=== {item['name']}")
                conversation = Conversation(agent, loop)
                for turn in item["turns"]:
                    print(f"\n> {turn}")
                    for reply in conversation.say(turn):
                        print(textwrap.indent(textwrap.fill(reply, 100), "  "))
    finally:
        loop.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
