#!/usr/bin/env python3
"""Builds the seed corpora of the fuzz targets from the shared corpus, at run time.

Usage: make_seeds.py OUT_DIR SHARED_DIR SOURCE_DIR TARGET...
Writes OUT_DIR/<target>/<n> for each target, in the layout fuzz/fuzz_input.h reads: a control
byte (0: one chunk), the file name, a NUL, the bytes. Zips of the corpus are also read entry by
entry (Python's zipfile, an independent reading) for the per-file readers. Nothing is copied
into the repository; formats the corpus lacks (YouTube, generic CSV) get small seeds written
here from their documented layouts.
"""
import fnmatch
import os
import struct
import sys
import zipfile
import zlib

MAX_SEED_BYTES = 1 << 20  # Longer files are cut (the runs use a smaller -max_len anyway).

YOUTUBE_JSON = (b'{"kind":"youtube#commentThreadListResponse","items":[{"kind":"youtube#commentThread",'
                b'"id":"t1","snippet":{"channelId":"UCowner","videoId":"v1","topLevelComment":'
                b'{"kind":"youtube#comment","id":"c1","snippet":{"channelId":"UCowner","videoId":"v1",'
                b'"textOriginal":"hi","authorDisplayName":"@ann","authorChannelId":{"value":"UCann"},'
                b'"likeCount":1,"publishedAt":"2024-03-01T10:00:00Z","updatedAt":"2024-03-01T10:00:00Z"}},'
                b'"totalReplyCount":1,"isPublic":true},"replies":{"comments":[{"kind":"youtube#comment",'
                b'"id":"c1.r1","snippet":{"channelId":"UCowner","videoId":"v1","textOriginal":"yo",'
                b'"authorDisplayName":"@bob","authorChannelId":{"value":"UCbob"},"parentId":"c1",'
                b'"likeCount":0,"publishedAt":"2024-03-01T11:00:00Z","updatedAt":"2024-03-01T11:00:00Z"}}]}}]}')
YOUTUBE_CSV = (b'Comment ID,Channel ID,Comment create timestamp,Price,Parent comment ID,Post ID,'
               b'Video ID,Comment text,Top-level comment ID\n'
               b'c4,UCowner,2025-02-11T19:04:00Z,0,,postX,,"{""text"":""on a post""}",\n'
               b'c5,UCowner,2025-02-11T20:15:00Z,0,c4,,vidC,"{""text"":""reply""}",c4\n')
GENERIC_CSV = (b'id,timestamp,author,reply_to,thread,channel,kind,text\n'
               b'1,2024-03-01T09:00:00Z,ann,,,general,host,Welcome everyone!\n'
               b'2,2024-03-01T09:05:00+01:00,bob,1,1,general,,Thanks Ann\n'
               b'3,1709284200,cat,2,1,general,,Same here\n')

# A Telegram export damaged before its first message, split by control byte 9 into chunks of
# 1-15 bytes. Read in chunks, the pushing stops at the chunk that fails; read whole, it stops
# after all of it. A regression seed: the report's input bytes once depended on where it stopped.
DAMAGED_BEFORE_FIRST_RECORD = (b'{"chats": {"list": [{"name": "C", "messages": [{"t  "from": "A"}]}]}}' +
                               b' ' * 64)


def damaged_after_failure_zip():
    """A Slack-named entry whose JSON fails early, then deflate data damaged after it, then the
    end of the directory: read whole, one inflate call meets both (a regression: zip.cc once
    counted that entry's failure twice, and only when whole)."""
    name = b'channels.json'
    text = (b'[{"id": "C024BE91L", "name": "general", "created": 1360782804, "creator": "U024BE7LH", '
            b'"is_archived": false, "is_general": true, "members": ["U024BE7LH"A' + b' ' * 3000)
    deflater = zlib.compressobj(6, zlib.DEFLATED, -15)
    data = deflater.compress(text) + deflater.flush(zlib.Z_SYNC_FLUSH) + b'\xff\xff\xff'
    header = struct.pack('<IHHHHHIIIHH', 0x04034b50, 20, 0, 8, 0, 0x21, zlib.crc32(text),
                         len(data), len(text), len(name), 0)
    end = struct.pack('<IHHHHIIH', 0x06054b50, 0, 0, 0, 0, 0, 0, 0)
    return header + name + data + end


# target -> (corpus globs (relative to the corpus), zip entry globs, extra (name, bytes) or
# (name, bytes, control byte) seeds)
SPECS = {
    'fuzz_json_tokenizer': (['*/*.json', '*/*.ndjson', 'JSONTESTSUITE'], [], []),
    'fuzz_zip': (['*/*.zip'], [], []),
    'fuzz_quiz': (['QUIZ'], [], []),
    'fuzz_session': (['*/*'], [], [('comments.csv', YOUTUBE_CSV),
                                  ('commentThreads.json', YOUTUBE_JSON),
                                  ('export.csv', GENERIC_CSV),
                                  ('result.json', DAMAGED_BEFORE_FIRST_RECORD, 9)]),
    'fuzz_reader_discord_json': (['discord/*.json'], [], []),
    'fuzz_reader_discord_csv': ([], ['discord/*.csv'], []),
    'fuzz_reader_discord_text': (['discord/*.txt'], [], []),
    'fuzz_reader_slack': ([], ['slack/*.json'], []),
    'fuzz_reader_telegram_json': (['telegram/*.json'], [], []),
    'fuzz_reader_whatsapp_text': (['whatsapp/*.txt'], [], []),
    'fuzz_reader_messenger_json': (['messenger/*.json'], [], []),
    'fuzz_reader_reddit_ndjson': (['reddit/*'], [], []),
    'fuzz_reader_mbox': (['mbox/*'], [], []),
    'fuzz_reader_discourse_json': (['discourse/*.json'], [], []),
    'fuzz_reader_youtube_json': ([], [], [('commentThreads.json', YOUTUBE_JSON)]),
    'fuzz_reader_youtube_csv': ([], [], [('comments.csv', YOUTUBE_CSV)]),
    'fuzz_reader_generic_csv': ([], [], [('export.csv', GENERIC_CSV)]),
    'fuzz_reader_zip': (['*/*.zip'], [], [('slack.zip', damaged_after_failure_zip(), 4)]),
}


def corpus_files(shared, source, pattern):
    """(name, path) of the files a corpus glob names."""
    if pattern == 'JSONTESTSUITE':
        folder = os.path.join(shared, 'jsontestsuite', 'test_parsing')
        return [(f, os.path.join(folder, f)) for f in sorted(os.listdir(folder))]
    if pattern == 'QUIZ':
        path = os.path.join(source, 'core', 'quiz', 'default.v1.json')
        return [('default.v1.json', path)]
    corpus = os.path.join(shared, 'corpus')
    out = []
    for folder in sorted(os.listdir(corpus)):
        full = os.path.join(corpus, folder)
        if not os.path.isdir(full):
            continue
        for f in sorted(os.listdir(full)):
            if fnmatch.fnmatch(folder + '/' + f, pattern):
                out.append((f, os.path.join(full, f)))
    return out


def zip_entries(shared, pattern):
    """(entry path, bytes) of the corpus zips' file entries whose '<folder>/<entry base name>'
    matches `pattern`."""
    corpus = os.path.join(shared, 'corpus')
    out = []
    for folder in sorted(os.listdir(corpus)):
        full = os.path.join(corpus, folder)
        if not os.path.isdir(full):
            continue
        for f in sorted(os.listdir(full)):
            if not f.endswith('.zip'):
                continue
            with zipfile.ZipFile(os.path.join(full, f)) as z:
                for info in z.infolist():
                    base = info.filename.rsplit('/', 1)[-1]
                    if info.is_dir() or base.startswith('.') or '__MACOSX' in info.filename:
                        continue
                    if fnmatch.fnmatch(folder + '/' + base, pattern):
                        out.append((info.filename, z.read(info)))
    return out


def write_seed(folder, index, name, data, control=0):
    name = name.encode()[:64]
    with open(os.path.join(folder, str(index)), 'wb') as f:
        f.write(bytes([control]) + name + b'\0' + data[:MAX_SEED_BYTES])


def main():
    out, shared, source, targets = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4:]
    for target in targets:
        globs, entry_globs, extra = SPECS[target]
        folder = os.path.join(out, target)
        os.makedirs(folder, exist_ok=True)
        seeds = []
        for pattern in globs:
            for name, path in corpus_files(shared, source, pattern):
                with open(path, 'rb') as f:
                    seeds.append((name, f.read()))
        for pattern in entry_globs:
            seeds.extend(zip_entries(shared, pattern))
        seeds.extend(extra)
        for index, seed in enumerate(seeds):
            write_seed(folder, index, *seed)
        print(f'{target}: {len(seeds)} seeds')


if __name__ == '__main__':
    main()
