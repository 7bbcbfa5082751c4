# Generates samples/broken/<case>/ from samples/example by one mutation each.
# Run from anywhere: python3 samples/broken/make_cases.py. It rewrites the cases, not expected.txt:
# each expected.txt is reviewed by hand and pinned by tests/cli/broken_samples_test.sh.
import json, os, shutil, collections, sys
root = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..')
base_text = open(f'{root}/example/course.json').read()
def load(): return json.loads(base_text, object_pairs_hook=collections.OrderedDict)
def dump(c): return json.dumps(c, ensure_ascii=False, indent=2) + '\n'
cases = collections.OrderedDict()
def case(name, why):
    def deco(f): cases[name] = (f, why); return f
    return deco

@case('malformed-json', 'a missing comma between two members')
def _(d):
    t = dump(load()).replace('"eqf_level": 3,', '"eqf_level": 3')
    return t
@case('unknown-key', 'a misspelt key, with a suggestion')
def _(d):
    c = load(); m = c['modules'][0]['lessons'][1]; c['modules'][0]['lessons'][1] = collections.OrderedDict((('titel' if k=='title' else k), v) for k,v in m.items()); return dump(c)
@case('missing-required', 'a lesson without its file map')
def _(d):
    c = load(); del c['modules'][0]['lessons'][0]['file']; return dump(c)
@case('wrong-type', 'eqf_level as a string')
def _(d):
    c = load(); c['eqf_level'] = "3"; return dump(c)
@case('duplicate-lesson-id', 'two lessons with the same id')
def _(d):
    c = load(); c['modules'][0]['lessons'][1]['id'] = 'length'; c['modules'][0]['quiz'][1]['tests'] = ['length']; return dump(c)
@case('duplicate-module-id', 'two modules with the same id')
def _(d):
    c = load(); m = json.loads(json.dumps(c['modules'][0]), object_pairs_hook=collections.OrderedDict)
    for i,l in enumerate(m['lessons']): l['id'] = l['id'] + '-2'
    for q in m['quiz']: q['tests'] = [t + '-2' for t in q['tests']]
    c['modules'].append(m); return dump(c)
@case('two-correct-answers', 'a question with two correct choices')
def _(d):
    c = load(); c['modules'][0]['quiz'][0]['choices'][0]['correct'] = True; return dump(c)
@case('no-correct-answer', 'a question with no correct choice')
def _(d):
    c = load(); del c['modules'][0]['quiz'][1]['choices'][0]['correct']; return dump(c)
@case('unknown-lesson', 'a question testing a lesson that does not exist')
def _(d):
    c = load(); c['modules'][0]['quiz'][1]['tests'] = ['manager']; return dump(c)
@case('quiz-size', 'a module with fewer questions than assessment.questions_per_module')
def _(d):
    c = load(); c['assessment']['questions_per_module'] = 3; return dump(c)
@case('missing-title-translation', 'a module title without its French text')
def _(d):
    c = load(); del c['modules'][0]['title']['fr']; return dump(c)
@case('missing-question-translation', 'a question prompt without its English text')
def _(d):
    c = load(); del c['modules'][0]['quiz'][0]['prompt']['en']; return dump(c)
@case('missing-choice-translation', 'a choice without its French text')
def _(d):
    c = load(); del c['modules'][0]['quiz'][1]['choices'][1]['text']['fr']; return dump(c)
@case('missing-lesson-language', 'a lesson with no French file')
def _(d):
    c = load(); del c['modules'][0]['lessons'][1]['file']['fr']; return dump(c)
@case('undeclared-language', 'a text in a language the course does not declare')
def _(d):
    c = load(); c['title']['de'] = 'Sichere Passwörter'; return dump(c)
@case('lesson-file-missing', 'a lesson file that does not exist')
def _(d):
    c = load(); c['modules'][0]['lessons'][0]['file']['fr'] = 'lessons/fr/longueur.md'; return dump(c)
@case('lesson-file-not-utf8', 'a lesson file in Latin-1')
def _(d):
    open(f'{d}/lessons/fr/length.md','wb').write(open(f'{root}/example/lessons/fr/length.md').read().encode('latin-1'))
    return dump(load())
@case('lesson-file-parent', 'a lesson path that climbs out with ..')
def _(d):
    c = load(); c['modules'][0]['lessons'][0]['file']['en'] = '../example/lessons/en/length.md'; return dump(c)
@case('lesson-file-absolute', 'an absolute lesson path')
def _(d):
    c = load(); c['modules'][0]['lessons'][1]['file']['en'] = '/etc/passwd'; return dump(c)
@case('lesson-file-link-outside', 'a lesson file that is a symbolic link to a file outside the course')
def _(d):
    os.remove(f'{d}/lessons/en/managers.md')
    os.symlink('../../../../example/lessons/en/managers.md', f'{d}/lessons/en/managers.md')
    return dump(load())
@case('duplicate-json-key', 'the same key twice in one object')
def _(d):
    return dump(load()).replace('"eqf_level": 3,', '"eqf_level": 3,\n  "title": { "en": "Passwords", "fr": "Mots de passe" },', 1)
@case('bad-digcomp', 'an outcome linked to a competence DigComp 2.2 does not have')
def _(d):
    c = load(); c['outcomes'][0]['digcomp'] = '4.5'; return dump(c)
@case('workload-sum', 'a workload split that does not add up to the duration')
def _(d):
    c = load(); c['workload']['self_study_minutes'] = 20; return dump(c)
@case('invalid-id', 'an id with a space')
def _(d):
    c = load(); c['live_sessions'][0]['id'] = 'review session'; return dump(c)
@case('lesson-of-other-module', 'a question testing a lesson of another module')
def _(d):
    c = load(); m = json.loads(json.dumps(c['modules'][0]), object_pairs_hook=collections.OrderedDict)
    m['id'] = 'passwords-2'
    for l in m['lessons']: l['id'] = l['id'] + '-2'
    for q in m['quiz']: q['tests'] = [t + '-2' for t in q['tests']]
    m['quiz'][0]['tests'] = ['length']
    c['modules'].append(m); return dump(c)

# Hostile sources (issue 10): each refused with a located message, in bounded time.
@case('control-character-in-title', 'a carriage return in a module title, followed by a plan line of an attacker\'s')
def _(d):
    c = load(); c['modules'][0]['title']['en'] += '\riri https://attacker.example'; return dump(c)
@case('noncharacter-in-title', 'U+0001 in the course title and U+FFFE in a lesson title (ill-formed XML manifests)')
def _(d):
    c = load(); c['title']['en'] += '\u0001'; c['modules'][0]['lessons'][0]['title']['fr'] += '\ufffe'; return dump(c)
@case('deep-nesting', '10,000 nested arrays under "$schema", which is otherwise ignored')
def _(d):
    return dump(load()).replace('"../../course.schema.json"', '[' * 10000 + ']' * 10000, 1)
@case('escaped-duplicate-key', 'the course id given again as "\\u0069d", which would rename the course')
def _(d):
    return dump(load()).replace('"eqf_level": 3,', '"eqf_level": 3,\n  "\\u0069d": "renamed",', 1)
@case('course-json-link-outside', 'course.json is a symbolic link to a course.json outside the course folder')
def _(d):
    os.remove(f'{d}/course.json')
    os.symlink('../../example/course.json', f'{d}/course.json')
    return None

# Warnings: each case trips one item-writing, coverage or padding check (or misuses
# "allow"). `validate` lists the warnings and exits 0; `validate --strict` fails.
def choices(c, q): return c['modules'][0]['quiz'][q]['choices']
@case('warning-key-longest', 'the correct choice is the longest in both questions of the module')
def _(d):
    c = load(); choices(c, 1)[0]['text'] = collections.OrderedDict(en='In a password manager, locked by one long passphrase', fr='Dans un gestionnaire de mots de passe verrouillé par une phrase de passe'); return dump(c)
@case('warning-few-choices', 'a question with 3 choices')
def _(d):
    c = load(); del choices(c, 1)[3]; return dump(c)
@case('warning-choice-repeated', 'two choices with the same French text')
def _(d):
    c = load(); choices(c, 0)[3]['text']['fr'] = 'P@ssw0rd!2024'; return dump(c)
@case('warning-absolute-word', '"always" and "never" in a wrong choice only')
def _(d):
    c = load(); choices(c, 1)[3]['text'] = collections.OrderedDict(en='Always in your head, never written down', fr='Toujours de mémoire, jamais par écrit'); return dump(c)
@case('warning-stem-clue', 'the correct choice alone repeats "password" from the prompt')
def _(d):
    c = load(); choices(c, 1)[1]['text'] = collections.OrderedDict(en='In an encrypted spreadsheet', fr='Dans un tableur chiffré'); return dump(c)
@case('warning-choice-lengths', 'a choice of 5 characters next to one of 28')
def _(d):
    c = load(); choices(c, 0)[0]['text'] = collections.OrderedDict(en='P@ss1', fr='P@ss1'); return dump(c)
@case('warning-lesson-untested', 'a lesson that no question tests')
def _(d):
    c = load(); c['modules'][0]['quiz'][1]['tests'] = ['length']; return dump(c)
@case('warning-lesson-minutes', 'lesson minutes that do not add up to workload.online_minutes')
def _(d):
    c = load(); c['modules'][0]['lessons'][1]['minutes'] = 15; return dump(c)
@case('warning-source-padding', 'a course.json padded with 70,000 spaces')
def _(d):
    return dump(load()).replace('"eqf_level": 3,', '"eqf_level": 3,' + ' ' * 70000, 1)
@case('warning-allow-unused', 'an allow entry for a warning that does not arise where it stands')
def _(d):
    c = load(); q = c['modules'][0]['quiz'][0]
    q['allow'] = [collections.OrderedDict(check='key-longest', reason='The passphrase has to be the longest choice.')]
    return dump(c)
@case('allow-without-reason', 'a warning silenced without a reason')
def _(d):
    c = load(); c['modules'][0]['allow'] = [collections.OrderedDict(check='few-choices')]; return dump(c)
@case('allow-unknown-check', 'an allow naming a check that does not exist')
def _(d):
    c = load(); c['allow'] = [collections.OrderedDict(check='key-longer', reason='Numbers need the unit.')]; return dump(c)
@case('allow-twice', 'the same check silenced twice in one list')
def _(d):
    c = load()
    c['modules'][0]['quiz'][1]['allow'] = [collections.OrderedDict(check='stem-clue', reason='The term is the answer.'),
                                           collections.OrderedDict(check='stem-clue', reason='Taught in the lesson.')]
    return dump(c)

@case('lesson-media-missing', 'a lesson image whose file does not exist')
def _(d):
    with open(f'{d}/lessons/en/length.md', 'a') as f: f.write('\nHow the guesses grow: ![A chart of guesses by length](images/guesses.png)\n')
    return dump(load())
@case('lesson-media-outside', 'a lesson image and a linked file outside the course folder')
def _(d):
    with open(f'{d}/lessons/fr/managers.md', 'a') as f:
        f.write('\n![Un schéma](../../../diagram.png)\n\nLe [guide](/etc/guide.pdf) complet.\n')
    return dump(load())
@case('lesson-image-no-alt', 'a lesson image without alt text')
def _(d):
    os.makedirs(f'{d}/lessons/en/images', exist_ok=True)
    # A valid 1x1 grey PNG.
    import struct, zlib
    chunk = lambda t, b: struct.pack('>I', len(b)) + t + b + struct.pack('>I', zlib.crc32(t + b))
    open(f'{d}/lessons/en/images/lock.png', 'wb').write(b'\x89PNG\r\n\x1a\n' + chunk(b'IHDR', struct.pack('>IIBBBBB', 1, 1, 8, 0, 0, 0, 0))
                                                       + chunk(b'IDAT', zlib.compress(b'\x00\x80')) + chunk(b'IEND', b''))
    with open(f'{d}/lessons/en/managers.md', 'a') as f: f.write('\n  ![ ](images/lock.png)\n')
    return dump(load())

# Live-session plans, credits and certification (issue 9): the example with the fields of
# tests/package/fixtures/programme.json, then one mistake each.
def programme():
    c = load()
    fields = json.load(open(f'{root}/../tests/package/fixtures/programme.json'), object_pairs_hook=collections.OrderedDict)
    for k, v in fields.items(): c[k] = v
    return c
@case('session-agenda-sum', 'a session agenda whose parts add up to 20 minutes in a 15-minute session')
def _(d):
    c = programme(); c['live_sessions'][0]['agenda'][0]['minutes'] = 10; return dump(c)
@case('session-unknown-lesson', 'a session activity drawing on a lesson the course does not have')
def _(d):
    c = programme(); c['live_sessions'][1]['activities'][0]['lessons'] = ['managers', 'lenght']; return dump(c)
@case('session-unknown-mode', 'a session mode outside the list')
def _(d):
    c = programme(); c['live_sessions'][1]['mode'] = 'hybrid'; return dump(c)
@case('credits-unknown-license', 'a licence id with a typo')
def _(d):
    c = programme(); c['credits']['license'] = 'CC-BY-SA-40'; return dump(c)
@case('credits-empty-contact', 'a contact with no name, e-mail or address')
def _(d):
    c = programme(); c['credits']['contact'] = collections.OrderedDict(); return dump(c)
@case('certification-sessions', 'a certification asking for 3 live sessions in a course of 2')
def _(d):
    c = programme(); c['certification']['min_sessions_attended'] = 3; return dump(c)

out = f'{root}/broken'
os.makedirs(out, exist_ok=True)
readme = ['# Deliberately broken course sources', '',
          'One course per kind of error or warning, each derived from `samples/example/`. `expected.txt` is the',
          'exact standard error of `coursepack validate samples/broken/<case>` run from the repository root;',
          'the `warning-*` cases, which validate with exit code 0, also have `expected-strict.txt`, the standard',
          'error of `coursepack validate --strict`. `tests/cli/broken_samples_test.sh` pins both; they are',
          'written by hand from reviewed output, never by `make_cases.py`.', '',
          '| case | what is wrong |', '|---|---|']
only = sys.argv[1:]  # case names: regenerate only these (the others keep their files)
for name, (f, why) in cases.items():
    readme.append(f'| `{name}` | {why} |')
    if only and name not in only: continue
    d = f'{out}/{name}'
    kept = {n: open(f'{d}/{n}').read() for n in ('expected.txt', 'expected-strict.txt') if os.path.exists(f'{d}/{n}')}
    shutil.rmtree(d, ignore_errors=True)
    shutil.copytree(f'{root}/example', d, symlinks=True)
    text = f(d)
    if text is not None:  # None: the case made course.json itself (a link: never write through it)
        open(f'{d}/course.json', 'w').write(text.replace('"$schema": "../../course.schema.json"', '"$schema": "../../../course.schema.json"'))
    for n, text in kept.items(): open(f'{d}/{n}', 'w').write(text)
open(f'{out}/README.md', 'w').write('\n'.join(readme) + '\n')
print(len(cases), 'cases')
