#!/usr/bin/env python3
"""Gives every unit of an XLIFF 2.0 file a target: a copy of its source, codes included,
each text run prefixed with MARK (default: none, the target equals the source). Stands in
for a translator in the tests: fill_targets.py IN OUT [MARK]."""
import copy
import sys
import xml.etree.ElementTree as ET

NS = 'urn:oasis:names:tc:xliff:document:2.0'
ET.register_namespace('', NS)
source_path, output_path = sys.argv[1], sys.argv[2]
mark = sys.argv[3] if len(sys.argv) > 3 else ''


def marked(element):
    if mark:
        if element.text and element.text.strip():
            element.text = mark + element.text
        for child in element:
            marked(child)
            if child.tail and child.tail.strip():
                child.tail = mark + child.tail
    return element


tree = ET.parse(source_path)
for segment in tree.iter('{%s}segment' % NS):
    source = segment.find('{%s}source' % NS)
    old = segment.find('{%s}target' % NS)
    if old is not None:
        segment.remove(old)
    target = marked(copy.deepcopy(source))
    target.tag = '{%s}target' % NS
    target.tail = source.tail
    segment.append(target)
    segment.set('state', 'translated')
tree.write(output_path, encoding='UTF-8', xml_declaration=True)
