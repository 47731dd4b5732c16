"""Deterministic generator of synthetic DiscordChatExporter JSON exports for the graph oracle.

A seeded group: a host, members with skewed (Zipf-like) activity, a bot, and people who never
post but get mentioned or react. Messages reply to recent messages, mention people and collect
reactions, so the reply/mention graph has non-trivial centralization and reciprocity. The same
seed always gives the same bytes.
"""

import datetime
import json
import random

DISCORD_EPOCH_MS = 1420070400000
START_MS = 1704067200000  # 2024-01-01T00:00:00Z


def _person(index, name, roles=(), is_bot=False):
    return {
        "id": str(100000000000000000 + index),
        "name": name,
        "discriminator": "0000",
        "nickname": name,
        "color": None,
        "isBot": is_bot,
        "roles": [{"id": str(900 + i), "name": r, "color": None, "position": 1}
                  for i, r in enumerate(roles)],
        "avatarUrl": "",
    }


def _user(person):
    keys = ("id", "name", "discriminator", "nickname", "isBot", "avatarUrl")
    return {k: person[k] for k in keys}


def _timestamp(ms):
    t = datetime.datetime.fromtimestamp(ms / 1000, tz=datetime.timezone.utc)
    return t.strftime("%Y-%m-%dT%H:%M:%S.") + "%03d+00:00" % (ms % 1000)


def generate(seed, messages=400, members=49, lurkers=10, host_role=True, host_weight=6.0,
             flat=False, newest_first=False, days=60, replies=True):
    """Returns the export as a JSON-serialisable dict. host_weight 0 leaves the host silent;
    flat gives every member the same activity (no dominant poster: no host-centred group);
    replies False writes no reply reference (meshcheck then infers replies by turn-taking)."""
    rng = random.Random(seed)
    host = _person(0, "Host", roles=("Admin",) if host_role else ())
    people = [_person(i, "Member%02d" % i) for i in range(1, members + 1)]
    bot = _person(members + 1, "Feed", is_bot=True)
    quiet = [_person(members + 2 + i, "Lurker%02d" % i) for i in range(lurkers)]
    # Zipf-like activity: member k posts with weight 1/k; the host with host_weight.
    authors = [host] + people
    weights = [host_weight] + [1.0 if flat else 1.0 / (k + 1) for k in range(members)]
    everyone = [host] + people + quiet

    out = []
    t = START_MS
    step = days * 86400000 // messages
    for n in range(messages):
        t += rng.randint(1, 2 * step)
        roll = rng.random()
        if roll < 0.05:
            author = bot
        else:
            author = rng.choices(authors, weights)[0]
        msg = {
            "id": str(((t - DISCORD_EPOCH_MS) << 22) + n),
            "type": "Default",
            "timestamp": _timestamp(t),
            "timestampEdited": None,
            "callEndedTimestamp": None,
            "isPinned": False,
            "content": "synthetic message %d" % n,
            "author": author,
            "attachments": [],
            "embeds": [],
            "stickers": [],
            "reactions": [],
            "mentions": [],
        }
        if roll > 0.98:
            msg["type"] = "GuildMemberJoin"
            msg["content"] = ""
        elif out and rng.random() < 0.6 and replies:
            # Reply to one of the last 25 messages, most often a recent one.
            back = min(len(out), 1 + int(rng.expovariate(1 / 6.0)))
            target = out[-min(back, 25)]
            msg["type"] = "Reply"
            msg["reference"] = {"messageId": target["id"], "channelId": "500",
                                "guildId": "400"}
        if rng.random() < 0.2:
            for p in rng.sample(everyone, rng.randint(1, 3)):
                msg["mentions"].append(_user(p))
        if rng.random() < 0.3:
            users = rng.sample(everyone, rng.randint(1, 4))
            msg["reactions"].append({
                "emoji": {"id": "", "name": "\U0001F44D", "code": "thumbsup",
                          "isAnimated": False, "imageUrl": ""},
                "count": len(users) + rng.randint(0, 2),
                "users": [_user(p) for p in users],
            })
        out.append(msg)
    if newest_first:
        out.reverse()
    return {
        "guild": {"id": "400", "name": "Synthetic guild", "iconUrl": ""},
        "channel": {"id": "500", "type": "GuildTextChat", "categoryId": "450",
                    "category": "Text Channels", "name": "general", "topic": None},
        "dateRange": {"after": None, "before": None},
        "exportedAt": _timestamp(t + 1000),
        "messages": out,
        "messageCount": len(out),
    }


def write(path, **kwargs):
    with open(path, "w", encoding="utf-8") as f:
        json.dump(generate(**kwargs), f, ensure_ascii=False, indent=2)
