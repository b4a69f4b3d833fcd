"""Side-by-side benchmark of the volunteer import on one generated district file, in one run.

    .venv/bin/python benchmarks/import.py --volunteers 22373

Rows: `run`, the import run (transfer.services: the upload stored and checked, the dry-run preview, the
confirmation, then the worker's share, called in-process: the chunks of bulk writes, one invitation per person),
on the district's own sheet (XLSX: title rows, Chinese headers, phones and dates typed as people type them); and
`sheet`, today's synchronous sheet import (django-import-export, row by row, one transaction) on the same people in
our template's columns (CSV). Each runs in its own subprocess on its own copy of one migrated SQLite database, with
its own broker folder (the invitations' SMS are queued there, as they would be on Redis, never sent). `wall s` is
from the upload to the last row written; peak memory is the largest resident set of the subprocess (psutil,
sampled every 0.1 s), the generated file included. The import run invites the people it created once their rows are
in (the task transfer.import_run_invite, here called in-process after it): `invite s`; the sheet import invites each
person with their row, inside its wall time. Figures are printed, never asserted.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psutil

REPO = Path(__file__).resolve().parent.parent
BACKEND = REPO / "backend"
SUB_DISTRICTS, COMMUNITIES_EACH, UNITS = 10, 12, 261
SKILLS = [
    ("first_aid", "急救"),
    ("legal", "法律咨询"),
    ("tutoring", "课业辅导"),
    ("repair", "家电维修"),
    ("psychology", "心理疏导"),
    ("photography", "摄影"),
]
KINDS = [("in_office", "在职党员"), ("non_post", "无职党员"), ("retired", "离退休党员"), ("resident", "居民志愿者")]


# ---------------------------------------------------------------- the district (inside a child process)


def _seed(rng: random.Random) -> dict:
    """A district's places, units and skills; the administrator who imports."""
    from accounts.models import User
    from geo.models import Community, District, SubDistrict
    from orgs.models import Unit
    from people.models import Skill

    district = District.objects.create(name="基准区", city="北京", code="BD")
    communities = []
    for s in range(SUB_DISTRICTS):
        sub = SubDistrict.objects.create(district=district, name=f"第{s + 1}街道", code=f"S{s + 1:02d}")
        for c in range(COMMUNITIES_EACH):
            communities.append(
                Community(
                    sub_district=sub,
                    name=f"{s + 1}街{c + 1}号社区",
                    code=f"C{s + 1:02d}{c + 1:02d}",
                    lat=39.9 + rng.uniform(-0.1, 0.1),
                    lng=116.4 + rng.uniform(-0.1, 0.1),
                )
            )
    communities = Community.objects.bulk_create(communities)
    units = Unit.objects.bulk_create(
        [
            Unit(
                name=f"第{u + 1}单位",
                kind=Unit.Kind.SCHOOL,
                community=communities[u % len(communities)],
                lat=39.9,
                lng=116.4,
            )
            for u in range(UNITS)
        ]
    )
    Skill.objects.bulk_create([Skill(code=code, name=name) for code, name in SKILLS])
    admin = User.objects.create_user(username="bench-admin", role=User.Role.ADMIN)
    return {"admin": admin, "communities": communities, "units": units}


def _people(rng: random.Random, count: int, world: dict) -> list[dict]:
    people = []
    for i in range(count):
        kind = rng.choice(KINDS)
        people.append(
            {
                "name": f"志愿者{i}",
                "kind": kind,
                "phone": f"13{rng.randint(0, 9)}{i:08d}",
                "community": rng.choice(world["communities"]),
                "unit": rng.choice(world["units"]) if kind[0] == "in_office" else None,
                "skills": rng.sample(SKILLS, rng.randint(0, 2)),
            }
        )
    return people


def _district_xlsx(people: list[dict], rng: random.Random) -> bytes:
    """The district's own sheet: two title rows, Chinese headers, values typed every which way."""
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    sheet = book.create_sheet("名册")
    sheet.append(["基准区在册党员志愿者名册"])
    sheet.append(["填报日期：2026年3月5日"])
    sheet.append(["序号", "姓名", "性别", "手机号码", "所在社区", "人员类别", "工作单位", "技能特长", "是否有效"])
    for i, person in enumerate(people, start=1):
        phone = person["phone"]
        phone = rng.choice([phone, f"{phone[:3]} {phone[3:7]} {phone[7:]}", f"+86-{phone}", int(phone)])
        community = person["community"].name
        community = rng.choice([community, community.removesuffix("社区"), f" {community} "])
        skills = rng.choice(["、", "，", " "]).join(name for _code, name in person["skills"])
        sheet.append(
            [
                i,
                person["name"],
                rng.choice(["男", "女"]),
                phone,
                community,
                person["kind"][1],
                person["unit"].name if person["unit"] else None,
                skills,
                "是",
            ]
        )
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _template_csv(people: list[dict]) -> bytes:
    """The same people in our template's columns, as today's sheet import wants them."""
    import csv

    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["name", "kind", "phone", "home_community", "employer_unit", "skills"])
    for person in people:
        writer.writerow(
            [
                person["name"],
                person["kind"][0],
                person["phone"],
                person["community"].code,
                person["unit"].name if person["unit"] else "",
                ";".join(f"{code}:1" for code, _name in person["skills"]),
            ]
        )
    return out.getvalue().encode("utf-8")


def child(method: str, count: int, seed: int) -> dict:
    import django

    # This folder holds matching.py, a benchmark, which must not hide the `matching` package.
    sys.path[:] = [str(REPO), str(BACKEND)] + [p for p in sys.path if Path(p or ".").resolve() != REPO / "benchmarks"]
    django.setup()
    from django.core.files.uploadedfile import SimpleUploadedFile

    from people.models import Volunteer
    from transfer import services

    rng = random.Random(seed)
    world = _seed(rng)
    people = _people(rng, count, world)
    admin = world["admin"]
    if method == "run":
        upload = SimpleUploadedFile("名册.xlsx", _district_xlsx(people, rng))
        started = time.monotonic()
        run = services.import_run_create(user=admin, upload=upload, kind="volunteers")
        checked = time.monotonic()
        services.import_run_confirm(run=run, user=admin)
        status = services.import_run_execute(run_id=run.pk)
        done = time.monotonic()
        invited = services.import_run_invite(run_id=run.pk)  # the task the import queues once done
        invited_at = time.monotonic()
        run.refresh_from_db()
        result = {
            "status": status,
            "check_s": checked - started,
            "write_s": done - checked,
            "wall_s": done - started,
            "invite_s": invited_at - done,
            "invited": invited,
            "created": run.created,
            "bad": run.bad,
            "problems": run.problems[:3],
        }
    else:
        upload = SimpleUploadedFile("volunteers.csv", _template_csv(people))
        started = time.monotonic()
        summary = services.volunteer_import(user=admin, upload=upload, dry_run=False)
        done = time.monotonic()
        result = {
            "status": "done",
            "wall_s": done - started,
            "created": summary.created,
            "bad": 0,
            "invited": summary.created,
        }  # each row's invitation is issued with the row
    result["volunteers"] = Volunteer.objects.count()
    return result


# ---------------------------------------------------------------- the parent


def _environment(folder: Path) -> dict:
    env = {key: value for key, value in os.environ.items() if key not in ("DATABASE_URL", "REDIS_URL")}
    env.update(
        {
            "VAR_DIR": str(folder),
            "DJANGO_SETTINGS_MODULE": "config.settings.local",
            "PYTHONPATH": str(BACKEND),
            "CELERY_TASK_ALWAYS_EAGER": "false",
        }
    )
    return env


def _measure(command: list[str], env: dict) -> tuple[dict, float, float]:
    """Run a child; its JSON answer, wall time of the whole subprocess and its peak resident set (MiB)."""
    started = time.monotonic()
    process = psutil.Popen(command, env=env, cwd=BACKEND, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    peak = 0
    while process.poll() is None:
        try:
            peak = max(peak, process.memory_info().rss)
        except psutil.NoSuchProcess:
            break
        time.sleep(0.1)
    out, err = process.communicate()
    if process.returncode != 0:
        raise SystemExit(f"child failed:\n{err[-4000:]}")
    return json.loads(out.strip().splitlines()[-1]), time.monotonic() - started, peak / 2**20


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--volunteers", type=int, default=22373)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--methods", default="run,sheet", help="run (the import run), sheet (today's sheet import)")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(child(args.child, args.volunteers, args.seed), ensure_ascii=False, default=str))
        return
    with tempfile.TemporaryDirectory(prefix="import-bench-") as tmp:
        template = Path(tmp) / "template"
        env = _environment(template)
        subprocess.run(
            [sys.executable, "manage.py", "migrate", "--no-input", "-v", "0"], env=env, cwd=BACKEND, check=True
        )
        print(
            f"{args.volunteers} volunteers, seed {args.seed}; {psutil.cpu_count()} cores, load "
            f"{os.getloadavg()[0]:.1f}",
            flush=True,
        )
        print(
            f"{'method':<8} {'wall s':>8} {'check s':>8} {'write s':>8} {'invite s':>9} {'process s':>10} "
            f"{'peak MiB':>9} {'created':>8} {'invited':>8} {'bad':>5}",
            flush=True,
        )
        for method in args.methods.split(","):
            folder = Path(tmp) / method
            shutil.copytree(template, folder)
            answer, process_s, peak = _measure(
                [
                    sys.executable,
                    str(Path(__file__).resolve()),
                    "--child",
                    method,
                    "--volunteers",
                    str(args.volunteers),
                    "--seed",
                    str(args.seed),
                ],
                _environment(folder),
            )
            check, write, invite = (
                f"{answer[key]:.1f}" if key in answer else "-" for key in ("check_s", "write_s", "invite_s")
            )
            print(
                f"{method:<8} {answer['wall_s']:>8.1f} {check:>8} {write:>8} {invite:>9} {process_s:>10.1f} "
                f"{peak:>9.0f} {answer['created']:>8} {answer['invited']:>8} {answer['bad']:>5}",
                flush=True,
            )
            if answer.get("problems"):
                print(f"         first bad rows: {answer['problems']}")
            shutil.rmtree(folder)


if __name__ == "__main__":
    main()
