"""Command line: python -m matching solve|generate|check|repair|allocate-posts ...

The only place in the package that prints. Bad input exits with status 2 and one line naming the field or id.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from typing import NoReturn

from .errors import ProblemError
from .solution import DEFAULT_GAP


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:  # one line, status 2, like every other bad input
        print(f"error: {message}", file=sys.stderr)
        raise SystemExit(2)


def _write(path: str, data: dict) -> None:
    with open(path, "w", encoding="utf-8") as handle:
        json.dump(data, handle, ensure_ascii=False, indent=1)
        handle.write("\n")


def cmd_solve(args) -> int:
    from .problem import load_problem
    from .solve import solve

    problem = load_problem(args.problem)
    if args.write_lp:
        from .formulation import write_lp

        write_lp(problem, args.write_lp)
    solution = solve(problem, time_limit=args.time_limit, solver=args.solver, gap=args.gap)
    _write(args.out, solution.to_dict())
    m = solution.metrics
    print(
        f"{solution.status.value}: {m.get('filled_seats', 0)}/{m.get('total_seats', 0)} seats, "
        f"{m.get('requests_met', 0)}/{m.get('requests_total', 0)} requests, objective {solution.objective:.3f}, "
        f"bound {solution.bound:.3f}, gap {solution.gap:.4%}, {solution.seconds:.1f} s -> {args.out}"
    )
    return 0


def cmd_generate(args) -> int:
    from .generate import generate, generate_posts

    if args.posts:
        data = generate_posts(args.scale, args.seed)
        with open(args.out, "w", encoding="utf-8") as handle:
            json.dump(data, handle, ensure_ascii=False, separators=(",", ":"))
        print(
            f"{args.scale} seed {args.seed}: {len(data['posts'])} posts, "
            f"{sum(p['seats'] for p in data['posts'])} post seats, {len(data['members'])} members -> {args.out}"
        )
        return 0
    data = generate(args.scale, args.seed)
    with open(args.out, "w", encoding="utf-8") as handle:
        json.dump(data, handle, ensure_ascii=False, separators=(",", ":"))
    print(
        f"{args.scale} seed {args.seed}: {len(data['volunteers'])} volunteers, {len(data['shifts'])} shifts, "
        f"{sum(s['seats'] for s in data['shifts'])} seats, {len(data['resources'])} resources, "
        f"{len(data['resource_requests'])} requests -> {args.out}"
    )
    return 0


def cmd_check(args) -> int:
    from .check import check
    from .problem import load_problem
    from .solution import load_solution

    problem = load_problem(args.problem)
    solution = load_solution(args.solution)
    violations = check(problem, solution)
    for line in violations:
        print(line)
    print(f"{len(violations)} violation{'s' if len(violations) != 1 else ''}")
    return 1 if violations else 0


def cmd_repair(args) -> int:
    from .problem import load_problem
    from .repair import load_declines, repair
    from .solution import load_solution

    problem = load_problem(args.problem)
    published = load_solution(args.plan)
    declines = load_declines(args.declines, problem)
    solution = repair(problem, published, declines, time_limit=args.time_limit)
    _write(args.out, solution.to_dict())
    print(
        f"{solution.status.value}: {solution.metrics.get('filled_seats', 0)}/"
        f"{solution.metrics.get('total_seats', 0)} seats, {solution.moved} moved, {solution.seconds:.2f} s "
        f"-> {args.out}"
    )
    return 0


def cmd_allocate_posts(args) -> int:
    from .posts import allocate_posts, load_post_problem

    problem = load_post_problem(args.problem)
    result = allocate_posts(problem, time_limit=args.time_limit)
    _write(args.out, result.to_dict())
    print(
        f"{result.status}: {result.filled}/{result.total} post seats, gap {result.gap:.4%}, "
        f"{result.seconds:.1f} s -> {args.out}"
    )
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = _Parser(prog="python -m matching", description=__doc__.splitlines()[0])
    parser.add_argument("-v", "--verbose", action="store_true", help="log progress to stderr")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    p = sub.add_parser("solve", help="solve a weekly problem")
    p.add_argument("problem")
    p.add_argument("--out", required=True)
    p.add_argument("--solver", choices=["highs", "cbc", "greedy"], default="highs")
    p.add_argument("--time-limit", type=float, default=30.0)
    p.add_argument(
        "--gap",
        type=float,
        default=DEFAULT_GAP,
        help="keep improving until the proven gap is this small (default 0.0005) or the time is up",
    )
    p.add_argument("--write-lp", metavar="FILE.lp", help="also export the model with named rows (small weeks)")
    p.set_defaults(func=cmd_solve)
    p = sub.add_parser("generate", help="generate a realistic week")
    p.add_argument("--scale", choices=["small", "district", "city"], default="small")
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--posts", action="store_true", help="a standing-post (定岗) problem instead of a week")
    p.add_argument("--out", required=True)
    p.set_defaults(func=cmd_generate)
    p = sub.add_parser("check", help="verify every hard rule of a solution")
    p.add_argument("problem")
    p.add_argument("solution")
    p.set_defaults(func=cmd_check)
    p = sub.add_parser("repair", help="re-plan after declines, moving as few people as possible")
    p.add_argument("problem")
    p.add_argument("plan", help="the published solution file")
    p.add_argument("declines", help='JSON list of {"volunteer", "shift"} (shift optional: withdrawn entirely)')
    p.add_argument("--out", required=True)
    p.add_argument("--time-limit", type=float, default=10.0)
    p.set_defaults(func=cmd_repair)
    p = sub.add_parser("allocate-posts", help="allocate members to standing posts (定岗)")
    p.add_argument("problem")
    p.add_argument("--out", required=True)
    p.add_argument("--time-limit", type=float, default=60.0)
    p.set_defaults(func=cmd_allocate_posts)
    args = parser.parse_args(argv)
    logging.basicConfig(
        level=logging.INFO if args.verbose else logging.WARNING,
        stream=sys.stderr,
        format="%(asctime)s %(name)s %(message)s",
    )
    try:
        return args.func(args)
    except ProblemError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except OSError as exc:
        print(f"error: {exc.filename or ''}: {exc.strerror}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    raise SystemExit(main())
