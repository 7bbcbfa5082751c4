#!/usr/bin/env python3
"""Writes the seed corpora of the fuzz targets into OUT/<target>/, from samples/ and tests/.

  python3 fuzz/make_seeds.py OUT [--coursepack BUILD/coursepack]

course_reader     every course.json under samples/, alone and followed by NUL and one of
                  its lessons (course_reader_fuzz.cc reads that as every lesson's text)
markdown          every lesson .md under samples/
module_plan       the plan text of each module page coursepack builds from samples/example
                  and samples/sets (needs --coursepack; else one hand-written plan)
learner_state     suspend_data texts in the layouts (versions 1 and 2) of src/core/learner_state.cc, after the
                  four bytes learner_state_fuzz.cc reads as the module's shape
statement_reader  the statements `coursepack simulate` writes for samples/example, as JSON
                  lines, as an array, pretty-printed, with a byte order mark (needs
                  --coursepack), and the statements the tests in tests/lrs write by hand
xliff_import      every samples/broken-xliff/*/file.xlf (exports of samples/example to Slovak,
                  each broken one way), and with --coursepack the export of samples/example
                  to sk and fr, as exported and with every target filled
                  (tests/xliff/fill_targets.py): imports that pass
moodle_ws         the recorded Moodle answers (tests/moodle/fixtures, the repository's copy of
                  ../shared/fixtures/moodle-ws) in moodle_ws_fuzz.cc's framing: the whole site
                  for course 3 and for every course, then that site with one answer replaced
                  by each recorded error
Seeds are named by content (sha1), so writing twice gives the same folder.
"""
import argparse
import hashlib
import json
import pathlib
import re
import subprocess
import sys
import tempfile
import zipfile

ROOT = pathlib.Path(__file__).resolve().parent.parent


def write(out, target, data):
    if isinstance(data, str):
        data = data.encode()
    folder = out / target
    folder.mkdir(parents=True, exist_ok=True)
    (folder / hashlib.sha1(data).hexdigest()).write_bytes(data)


def course_reader(out):
    for course in sorted(ROOT.glob("samples/**/course.json")):
        text = course.read_bytes()
        write(out, "course_reader", text)
        lessons = sorted(course.parent.glob("**/*.md"))
        if lessons:
            write(out, "course_reader", text + b"\0" + lessons[0].read_bytes())


def markdown(out):
    for lesson in sorted(ROOT.glob("samples/**/*.md")):
        if lesson.name != "README.md":
            write(out, "markdown", lesson.read_bytes())


PLAN = re.compile(rb'<script type="text/plain" id="coursepack-plan">(.*?)</script>', re.S)


def module_plan(out, coursepack):
    write(out, "module_plan", "coursepack-plan 1\ncourse c\nmodule m\nthresholds 50 80\nlessons l1 l2\n"
          "question q1 4 2 0,1\niri https://example.org/c\nlanguage en\ntext course en A \\\\ course\\nline\n")
    if not coursepack:
        return
    for source in ("samples/example", "samples/sets"):
        with tempfile.TemporaryDirectory() as folder:
            subprocess.run([coursepack, "build", "-q", "-f", "xapi", "-o", folder, str(ROOT / source)], check=True)
            for package in sorted(pathlib.Path(folder).glob("*.zip")):
                with zipfile.ZipFile(package) as archive:
                    for name in archive.namelist():
                        if name.endswith(".html"):
                            for plan in PLAN.findall(archive.read(name)):
                                write(out, "module_plan", plan.replace(b"<\\/", b"</"))


def learner_state(out):
    # Shape bytes: lessons-1, questions-1, choices-2 (each taken modulo 40, 20, 25), then
    # flags (bit 0: make the fingerprint and check digits right). The second and last
    # fields are placeholders the flag replaces.
    states = [
        (bytes([2, 1, 2, 1]), "1.0.00.--.--.0.0.0.0"),
        (bytes([2, 1, 2, 1]), "1.0.31.ab.--.3.a1.2s.0"),
        (bytes([2, 1, 2, 1]), "1.0.52.ab.ba.7.zz.1000.0"),
        (bytes([6, 4, 2, 1]), "1.0.23.abcda.-----.15.k9.0.0"),
        (bytes([39, 19, 24, 1]), "1.0.4z." + "a" * 20 + "." + "b" * 20 + "." + "f" * 10 + ".zzzzzz.zzzzzz.0"),
        # Version 2: attempts and right answers in the last post-test before the check.
        (bytes([2, 1, 2, 1]), "2.0.52.ab.ba.7.zz.1000.1.2.0"),
        (bytes([6, 4, 2, 1]), "2.0.44.abcda.abcd-.1f.k9.0.3.0.0"),
        (bytes([0, 0, 0, 0]), "hello world"),
        (bytes([0, 0, 0, 0]), ""),
    ]
    for shape, text in states:
        write(out, "learner_state", shape + text.encode())


def statement_reader(out, coursepack):
    by_hand = [
        '{"actor":{"mbox":"mailto:a@example.org"},"verb":{"id":"http://adlnet.gov/expapi/verbs/completed"},'
        '"object":{"id":"https://example.org/a"}}\n',
        '[{"id":"7c1a6d3e-1f0a-4b5e-9c3d-2a1b0c9d8e7f","actor":{"mbox":"mailto:b@example.org"},'
        '"verb":{"id":"http://adlnet.gov/expapi/verbs/attempted"},"object":{"id":"https://example.org/b"}}]',
        '\ufeff{"a":1}\r\n{"b":[1,2,{"c":null}]}\r\n',
        '{"broken": \n{"ok":true}\n',
        '[]',
    ]
    for text in by_hand:
        write(out, "statement_reader", text)
    if not coursepack:
        return
    with tempfile.TemporaryDirectory() as folder:
        path = pathlib.Path(folder) / "statements.jsonl"
        subprocess.run([coursepack, "simulate", "-q", "-n", "2", "-s", "1", "-o", str(path),
                        str(ROOT / "samples/example")], check=True)
        lines = path.read_text().splitlines()
    for start in range(0, len(lines), 8):
        chunk = lines[start:start + 8]
        statements = [json.loads(line) for line in chunk]
        write(out, "statement_reader", "\n".join(chunk) + "\n")
        write(out, "statement_reader", json.dumps(statements))
        write(out, "statement_reader", "\n".join(json.dumps(s, indent=2) for s in statements))
        write(out, "statement_reader", "\ufeff" + "\r\n".join(chunk))


def xliff_import(out, coursepack):
    for case in sorted(ROOT.glob("samples/broken-xliff/*/file.xlf")):
        write(out, "xliff_import", case.read_bytes())
    if not coursepack:
        return
    with tempfile.TemporaryDirectory() as folder:
        for language in ("sk", "fr"):
            exported = pathlib.Path(folder) / f"{language}.xlf"
            filled = pathlib.Path(folder) / f"{language}-filled.xlf"
            subprocess.run([coursepack, "xliff", "export", str(ROOT / "samples/example"), "--to", language,
                            "-o", str(exported)], check=True, stdout=subprocess.DEVNULL)
            subprocess.run([sys.executable, str(ROOT / "tests/xliff/fill_targets.py"), str(exported), str(filled), "T "],
                           check=True)
            write(out, "xliff_import", exported.read_bytes())
            write(out, "xliff_import", filled.read_bytes())


def moodle_ws(out):
    fixtures = ROOT / "tests/moodle/fixtures"
    answers, errors = {}, []
    rows = (fixtures / "requests.tsv").read_text().splitlines()[1:]
    for row in rows:
        cells = row.split("\t")
        if len(cells) < 6 or cells[1] != "POST" or cells[5] != "reporter":
            continue
        request = "&".join(part for part in cells[3].split("&") if not part.startswith("wstoken="))
        body = (fixtures / cells[0]).read_bytes()
        if cells[0].startswith("error."):
            errors.append((request, body))
        else:
            answers[request] = body

    def framed(site):
        return b"\0".join(request.encode() + b"\n" + body for request, body in sorted(site.items()))

    for first_byte in (b"\x01", b"\x00"):  # course 3; every course
        write(out, "moodle_ws", first_byte + framed(answers))
    for request, body in errors:
        function = request.split("&")[0]
        site = dict(answers)
        for key in sorted(site):
            if key.split("&")[0] == function:
                site[key] = body
                break
        write(out, "moodle_ws", b"\x01" + framed(site))


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("out", type=pathlib.Path)
    parser.add_argument("--coursepack", help="a built coursepack binary, for plans and statements")
    args = parser.parse_args()
    course_reader(args.out)
    markdown(args.out)
    module_plan(args.out, args.coursepack)
    learner_state(args.out)
    statement_reader(args.out, args.coursepack)
    xliff_import(args.out, args.coursepack)
    moodle_ws(args.out)
    for folder in sorted(args.out.iterdir()):
        print(f"make_seeds: {folder.name}: {sum(1 for _ in folder.iterdir())} seeds", file=sys.stderr)


if __name__ == "__main__":
    main()
