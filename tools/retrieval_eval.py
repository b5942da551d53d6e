"""How well the retrieval finds the question a phrasing asks, on phrasings it was not built from.

Five folds over all phrasings of ``knowledge/questions``: the index is built without the fold,
and each held-out phrasing is looked up (1) with its article as the conversation's topic, as a
follow-up is asked, and (2) without any context. Reported: the right question first, the right
article first, and how often no question was close enough. A measure, not a test.

    python -m tools.retrieval_eval
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import random
import sys
from typing import Any

from bot.questions import QuestionBase, question_base
from bot.retrieval import Retriever, choose

FOLDS = 5


def evaluate(base: QuestionBase, folds: int = FOLDS, seed: int = 1) -> dict[str, Any]:
    """Leave-fold-out figures over every phrasing of ``base``."""
    items = [(q.key, p) for q in base.all() for p in q.phrasings]
    random.Random(seed).shuffle(items)
    counts = {"in_topic_question": 0, "in_topic_none": 0, "no_context_question": 0, "no_context_article": 0}
    for fold in range(folds):
        held = set(items[fold::folds])
        by_article = {
            article: tuple(
                dataclasses.replace(q, phrasings=tuple(p for p in q.phrasings if (q.key, p) not in held))
                for q in questions
            )
            for article, questions in base.by_article.items()
        }
        index = Retriever(QuestionBase({q.key: q for qs in by_article.values() for q in qs}, by_article))
        for key, phrasing in held:
            article = key.split("/")[0]
            in_topic = choose(phrasing, topic=article, among=(article,), index=index)
            counts["in_topic_question"] += in_topic is not None and in_topic.question.key == key
            counts["in_topic_none"] += in_topic is None
            anywhere = choose(phrasing, index=index)
            counts["no_context_question"] += anywhere is not None and anywhere.question.key == key
            counts["no_context_article"] += anywhere is not None and anywhere.question.article == article
    total = len(items)
    return {"phrasings": total, "questions": len(base.by_key), **{k: round(v / total, 3) for k, v in counts.items()}}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.parse_args(argv)
    print(json.dumps(evaluate(question_base()), indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
