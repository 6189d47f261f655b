"""The logic of a flowchart: walking it, and finding what is wrong with its graph.

Wording lives in the YAML; this module only knows node ids and where answers lead.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass

from generator.content import emergency
from generator.content.models import Flowchart, Outcome, Question
from generator.safety import markdown_subset

Node = Question | Outcome


Loc = tuple[str | int, ...]


@dataclass(frozen=True)
class GraphProblem:
    """One thing wrong with a flowchart, at the field where it shows."""

    loc: Loc
    message: str


def nodes(flow: Flowchart) -> dict[str, Node]:
    """Return every node by id (the first one, where an id is used twice)."""
    found: dict[str, Node] = {}
    everything: list[Node] = [*flow.questions, *flow.outcomes]
    for node in everything:
        found.setdefault(node.id, node)
    return found


def outcome(flow: Flowchart, **answers: str) -> str:
    """Return the outcome reached by answering each question (by id) with a value.

    Question ids with hyphens are written with underscores: `lasts_long="no"`.
    """
    given = {key.replace("_", "-"): value for key, value in answers.items()}
    by_id = nodes(flow)
    node = by_id[flow.start]
    while isinstance(node, Question):
        value = given.pop(node.id)
        node = by_id[next(a.next for a in node.answers if a.value == value)]
    if given:
        raise ValueError(f"these questions were never asked: {sorted(given)}")
    return node.id


def paths(flow: Flowchart) -> Iterator[tuple[dict[str, str], str]]:
    """Yield every route from the start: the answers given, and the outcome reached."""
    by_id = nodes(flow)

    def walk(node_id: str, answers: dict[str, str]) -> Iterator[tuple[dict[str, str], str]]:
        node = by_id[node_id]
        if isinstance(node, Outcome):
            yield answers, node.id
            return
        for answer in node.answers:
            yield from walk(answer.next, {**answers, node.id: answer.value})

    yield from walk(flow.start, {})


def problems(flow: Flowchart, condition_ids: set[str]) -> list[GraphProblem]:
    """Return everything wrong with the flowchart's graph, naming the nodes involved."""
    links = _condition_links(flow, condition_ids) + _emergency_links(flow)
    found = (_duplicates(flow) + _start(flow) + _unknown_targets(flow) + _too_few_answers(flow)
             + _repeated_answers(flow))
    if found:
        return found + links  # the graph checks below need every id known and unique
    found = links
    by_id = nodes(flow)
    edges = {q.id: [a.next for a in q.answers] for q in flow.questions}
    found += _cycles(flow, edges)
    reachable = _reachable(flow.start, edges)
    found += [GraphProblem(_loc(flow, n), f"no answer leads to `{n}`, so readers can never "
                           "reach it.") for n in by_id if n not in reachable]
    ends = _can_reach_an_outcome(by_id, edges)
    found += [GraphProblem(_loc(flow, q.id), f"no path from `{q.id}` ends at an outcome. "
                           "Make one of its answers lead to an outcome.")
              for q in flow.questions if q.id not in ends and q.id in reachable]
    return found


def _loc(flow: Flowchart, node_id: str) -> Loc:
    for index, question in enumerate(flow.questions):
        if question.id == node_id:
            return ("questions", index, "id")
    for index, result in enumerate(flow.outcomes):
        if result.id == node_id:
            return ("outcomes", index, "id")
    return ("start",)


def _duplicates(flow: Flowchart) -> list[GraphProblem]:
    seen: set[str] = set()
    found = []
    listed: list[tuple[str, int, Node]] = [
        *(("questions", i, q) for i, q in enumerate(flow.questions)),
        *(("outcomes", i, o) for i, o in enumerate(flow.outcomes)),
    ]
    for field, index, node in listed:
        if node.id in seen:
            found.append(GraphProblem((field, index, "id"), f"the id `{node.id}` is used by "
                                      "more than one question or outcome. Give each its own id."))
        seen.add(node.id)
    return found


def _emergency_links(flow: Flowchart) -> list[GraphProblem]:
    """Nothing in an emergency outcome may lead the reader away from calling for help."""
    found = []
    for index, result in enumerate(flow.outcomes):
        if result.care != "emergency":
            continue
        if result.conditions:
            found.append(GraphProblem(("outcomes", index, "conditions"), f"emergency outcome "
                                      f"`{result.id}` links to other pages. Remove them, so "
                                      "that nothing leads readers away from calling for help."))
        found += [GraphProblem(loc, f"emergency outcome `{result.id}` links to `{target}`. "
                               "Links here may only call a phone number (tel:).")
                  for loc, text in emergency.outcome_texts(index, result)
                  for target in markdown_subset.links_away_from_calling(text)]
    return found


def _too_few_answers(flow: Flowchart) -> list[GraphProblem]:
    return [GraphProblem(("questions", index, "answers"), f"question `{q.id}` has "
                         f"{len(q.answers)} answer{'s' if len(q.answers) != 1 else ''}. "
                         "Give it two or more.")
            for index, q in enumerate(flow.questions) if len(q.answers) < 2]


def _start(flow: Flowchart) -> list[GraphProblem]:
    node = nodes(flow).get(flow.start)
    if node is None:
        return [GraphProblem(("start",), f"there is no question with the id `{flow.start}` "
                             "to start from.")]
    if isinstance(node, Outcome):
        return [GraphProblem(("start",), f"`{flow.start}` is an outcome. Start from a "
                             "question.")]
    return []


def _repeated_answers(flow: Flowchart) -> list[GraphProblem]:
    found = []
    for q_index, question in enumerate(flow.questions):
        seen: set[str] = set()
        for index, answer in enumerate(question.answers):
            if answer.value in seen:
                found.append(GraphProblem(("questions", q_index, "answers", index, "value"),
                                          f"question `{question.id}` has two answers with the "
                                          f"value `{answer.value}`. Give each its own value."))
            seen.add(answer.value)
    return found


def _unknown_targets(flow: Flowchart) -> list[GraphProblem]:
    by_id = nodes(flow)
    found = []
    for q_index, question in enumerate(flow.questions):
        for index, answer in enumerate(question.answers):
            if answer.next not in by_id:
                found.append(GraphProblem(("questions", q_index, "answers", index, "next"),
                                          f"answer `{answer.value}` of `{question.id}` leads "
                                          f"to `{answer.next}`, which is not a question or "
                                          "outcome."))
    return found


def _condition_links(flow: Flowchart, condition_ids: set[str]) -> list[GraphProblem]:
    found = []
    for o_index, result in enumerate(flow.outcomes):
        for index, ref in enumerate(result.conditions):
            if ref not in condition_ids:
                found.append(GraphProblem(("outcomes", o_index, "conditions", index),
                                          f"outcome `{result.id}` links to the condition "
                                          f"`{ref}`, which has no page."))
    return found


def _cycles(flow: Flowchart, edges: Mapping[str, list[str]]) -> list[GraphProblem]:
    """Return each circle of questions, at the answer that closes it.

    An iterative depth-first search, so that a long flowchart cannot overflow the stack.
    """
    loops: list[list[str]] = []
    finished: set[str] = set()
    trail: list[str] = []
    on_trail: set[str] = set()
    stack: list[tuple[str, Iterator[str]]] = [(flow.start, iter(edges.get(flow.start, [])))]
    trail.append(flow.start)
    on_trail.add(flow.start)
    while stack:
        node, targets = stack[-1]
        target = next(targets, None)
        if target is None:
            stack.pop()
            trail.pop()
            on_trail.discard(node)
            finished.add(node)
        elif target in on_trail:
            loops.append([*trail[trail.index(target):], target])
        elif target not in finished:
            stack.append((target, iter(edges.get(target, []))))
            trail.append(target)
            on_trail.add(target)
    return [GraphProblem(_answer_loc(flow, loop[-2], loop[-1]), "these questions go round in "
                         "a circle: " + " → ".join(loop) + ". Break the circle.")
            for loop in loops]


def _answer_loc(flow: Flowchart, source: str, target: str) -> Loc:
    for q_index, question in enumerate(flow.questions):
        for index, answer in enumerate(question.answers):
            if question.id == source and answer.next == target:
                return ("questions", q_index, "answers", index, "next")
    return _loc(flow, source)


def _reachable(start: str, edges: Mapping[str, list[str]]) -> set[str]:
    seen, todo = set(), [start]
    while todo:
        node = todo.pop()
        if node not in seen:
            seen.add(node)
            todo.extend(edges.get(node, []))
    return seen


def _can_reach_an_outcome(by_id: Mapping[str, Node], edges: Mapping[str, list[str]]) -> set[str]:
    good = {n for n, node in by_id.items() if isinstance(node, Outcome)}
    changed = True
    while changed:
        changed = False
        for node, targets in edges.items():
            if node not in good and any(t in good for t in targets):
                good.add(node)
                changed = True
    return good


def to_mermaid(flow: Flowchart) -> str:
    """Return the flowchart as Mermaid text, for clinicians to review as a diagram."""
    lines = ["flowchart TD"]
    for question in flow.questions:
        lines.append(f'    {_mermaid_id(question.id)}{{"{_mermaid_text(question.text)}"}}')
    for result in flow.outcomes:
        label = f"{result.care}: {result.title}"
        lines.append(f'    {_mermaid_id(result.id)}(["{_mermaid_text(label)}"])')
    for question in flow.questions:
        for answer in question.answers:
            lines.append(f'    {_mermaid_id(question.id)} -->|"{_mermaid_text(answer.text)}"| '
                         f"{_mermaid_id(answer.next)}")
    return "\n".join(lines) + "\n"


def _mermaid_id(node_id: str) -> str:
    # Mermaid reserves words such as `end`; a prefix keeps every id safe.
    return "n_" + node_id.replace("-", "_")


def _mermaid_text(text: str) -> str:
    return text.replace("&", "#amp;").replace('"', "#quot;").replace("<", "#lt;").replace(
        ">", "#gt;")
