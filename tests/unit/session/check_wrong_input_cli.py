#!/usr/bin/env python3
"""The CLI on inputs that are no export, and on the memory ceiling (issue 8, items 4 and 6).

Usage: check_wrong_input_cli.py MESHCHECK SCRATCH_DIR
Writes each file into SCRATCH_DIR, runs `meshcheck analyze` on it and checks the exit status and
that stderr names the file, says what it is, and carries the input's own Status id. Exits
non-zero, listing every failed check.
"""
import os
import subprocess
import sys

CLI, SCRATCH = sys.argv[1], sys.argv[2]
failures = []


def write(name, data):
    path = os.path.join(SCRATCH, name)
    with open(path, 'wb') as f:
        f.write(data)
    return path


def run(*args):
    p = subprocess.run([CLI, 'analyze', *args], capture_output=True, timeout=300)
    return p.returncode, p.stdout.decode('utf-8', 'replace'), p.stderr.decode('utf-8', 'replace')


def check(what, ok, detail=''):
    print(('ok    ' if ok else 'FAIL  ') + what)
    if not ok:
        failures.append(what)
        if detail:
            print('      ' + detail.replace('\n', '\n      '))


os.makedirs(SCRATCH, exist_ok=True)
html = (b'<!DOCTYPE html>\n<html><head><title>Chat</title></head><body>' +
        b'<div class="message">hi</div>\n' * 3000 + b'</body></html>\n')
cases = [
    ('empty.json', b'', 'ingest.empty', 'is an empty file'),
    ('chat.db', b'SQLite format 3\x00\x10\x00\x01\x01' + bytes(range(256)) * 4, 'ingest.binary',
     'is a binary file'),
    ('chat.pdf', b'%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n',
     'ingest.pdf', 'is a PDF document'),
    ('messages.html', html, 'ingest.html', 'is an HTML page'),
    ('settings.json', b'{"theme": "dark", "volume": 3}\n', 'ingest.unknown_json_shape',
     'is a JSON document whose first field is "theme"'),
    ('notes.txt', b'Shopping list\n- milk\n- bread\n', 'ingest.unsupported_format',
     'is a plain-text file'),
]
for name, data, status_id, phrase in cases:
    path = write(name, data)
    code, out, err = run(path)
    check(f'{name}: exit 1, nothing on stdout, "[{status_id}]" and "{phrase}" on stderr',
          code == 1 and out == '' and f'[{status_id}]' in err and f'{name} {phrase}' in err,
          f'exit {code}\nstdout: {out[:300]}\nstderr: {err}')

# A wrong input beside a real one: the real one is analysed, the wrong one named (exit 1).
good = write('export.csv', b'id,timestamp,author,reply_to,thread,channel,kind,text\n' + b''.join(
    b'%d,2024-03-%02dT09:00:00Z,p%d,%s,,general,,hello\n' %
    (i, 1 + i % 28, i % 7, str(i - 1).encode() if i % 3 else b'') for i in range(1, 400)))
code, out, err = run(os.path.join(SCRATCH, 'chat.pdf'), good, '--json')
check('a PDF beside a real export: exit 1, the report printed, the PDF named with ingest.pdf',
      code == 1 and '"ingest.pdf"' in out and '"ok"' in out and '[ingest.pdf]' in err,
      f'exit {code}\nstderr: {err}')

# The memory ceiling: a generic CSV of 60,000 messages needs several MiB.
big = write('big.csv', b'id,timestamp,author,reply_to,thread,channel,kind,text\n' + b''.join(
    b'%d,2024-%02d-%02dT09:%02d:00Z,p%d,,,general,,x\n' %
    (i, 1 + i % 12, 1 + i % 28, i % 60, i % 500) for i in range(60000)))
code, out, err = run(big, '--max-memory', '1')
check('--max-memory 1 on 60,000 messages: exit 1, [session.memory_limit], advice to split',
      code == 1 and out == '' and '[session.memory_limit]' in err and 'Split the export' in err,
      f'exit {code}\nstderr: {err}')
code, out, err = run(big, '--max-memory', '4096')
check('--max-memory 4096 on the same file: analysed (exit 0)', code == 0 and out != '',
      f'exit {code}\nstderr: {err}')
for bad in ['abc', '0', '-5', '12x']:
    code, out, err = run(big, '--max-memory', bad)
    check(f'--max-memory {bad}: usage error (exit 2)',
          code == 2 and 'megabytes' in err, f'exit {code}\nstderr: {err}')

sys.exit(1 if failures else 0)
