#!/usr/bin/env python3
"""Writes samples/broken-xliff/<case>/file.xlf: each a real export of samples/example to
Slovak with one thing broken. Run from the repository root after a change to
samples/example: make_cases.py path/to/coursepack. The expected.txt files are written by
hand (reviewed output), never by this script."""
import os
import re
import subprocess
import sys
import tempfile

coursepack = sys.argv[1]
here = os.path.dirname(os.path.abspath(__file__))
with tempfile.TemporaryDirectory() as scratch:
    path = os.path.join(scratch, 'example.xlf')
    subprocess.run([coursepack, 'xliff', 'export', 'samples/example', '--to', 'sk', '-o', path], check=True,
                   stdout=subprocess.DEVNULL)
    base = open(path, encoding='utf-8').read()

# The lesson paragraph with a bold word and two soft line breaks, and the course title.
PARAGRAPH = re.search(r'<unit id="(b2-[0-9a-f]{8})"', base[base.index('example.lesson.length'):]).group(1)
SOURCE = re.search(r'<unit id="%s".*?<source>(.*?)</source>' % PARAGRAPH, base, re.S).group(1)
TITLE = re.search(r'<unit id="(title-[0-9a-f]{8})"', base).group(1)


def with_target(xml, unit, target, state='translated'):
    """`xml` with `target` as the target of `unit`."""
    start = xml.index('<unit id="%s"' % unit)
    end = xml.index('</unit>', start)
    body = xml[start:end].replace('<segment>', '<segment state="%s">' % state, 1)
    body = re.sub(r'(<source>.*?</source>)', lambda m: m.group(1) + '\n        <target>%s</target>' % target, body,
                  count=1, flags=re.S)
    return xml[:start] + body + xml[end:]


bold = re.search(r'<pc id="2"[^>]*>longer</pc>', SOURCE).group(0)
break1 = re.search(r'<ph id="1"[^>]*/>', SOURCE).group(0)
break3 = re.search(r'<ph id="3"[^>]*/>', SOURCE).group(0)
cases = {
    'broken-xml': base[:base.index('<unit id="%s"' % PARAGRAPH) + 200],
    'not-xliff-2': base.replace('version="2.0"', 'version="1.2"', 1),
    'other-course': base.replace('<file id="example.course"', '<file id="sets-2.course"', 1),
    'other-source-language': base.replace('srcLang="en"', 'srcLang="de"', 1),
    'bad-target-language': base.replace('trgLang="sk"', 'trgLang="Slovak"', 1),
    'source-changed': with_target(base, PARAGRAPH, SOURCE).replace(PARAGRAPH, PARAGRAPH[:3] + '0badc0de', 1),
    'unknown-unit': with_target(base, PARAGRAPH, SOURCE).replace(PARAGRAPH, 'b9-12345678', 1),
    'unit-twice': with_target(base, TITLE, 'Bezpečné heslá').replace(
        '</file>', base[base.index('    <unit id="%s"' % TITLE):base.index('</unit>', base.index(TITLE)) + 8] + '  </file>', 1),
    'missing-code': with_target(base, PARAGRAPH, SOURCE.replace(bold, 'longer')),
    'extra-code': with_target(base, PARAGRAPH, SOURCE + ' <ph id="9" dataRef="d9"/>'),
    'code-twice': with_target(base, PARAGRAPH, SOURCE.replace(break3, break3 + 'and ' + break3)),
    'line-break-at-start': with_target(base, PARAGRAPH, break1 + SOURCE.replace(break1, ' ')),
    'empty-final': with_target(base, TITLE, '', state='final'),
    'bad-state': with_target(base, TITLE, 'Bezpečné heslá', state='done'),
    'unsupported-code': with_target(base, TITLE, 'Bezpečné <sc id="1"/>heslá'),
    'hand-written-incomplete': with_target(base.replace('trgLang="sk"', 'trgLang="fr"', 1), TITLE,
                                           'Des mots de passe sûrs'),
}
for name, xml in cases.items():
    os.makedirs(os.path.join(here, name), exist_ok=True)
    with open(os.path.join(here, name, 'file.xlf'), 'w', encoding='utf-8') as out:
        out.write(xml)
