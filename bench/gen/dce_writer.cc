#include "gen/dce_writer.h"

#include <algorithm>
#include <cstdio>

#include "base/hash.h"
#include "base/time.h"

namespace meshcheck::gen {
namespace {

using base::kMsPerDay;

constexpr int64_t kDiscordEpochMs = 1420070400000;  // 2015-01-01T00:00:00Z.
// Accounts were created between 2016-01-01 and 2023-06-01; servers between 2019 and 2022.
constexpr int64_t kAccountsFromMs = 1451606400000;
constexpr int64_t kAccountsSpanMs = 2708 * kMsPerDay;
constexpr int64_t kServersFromMs = 1546300800000;
constexpr int64_t kServersSpanMs = 1095 * kMsPerDay;

// Message depth in the document: root object, messages array, message object.
constexpr uint32_t kAuthorDepth = 3;
constexpr uint32_t kMentionDepth = 4;
constexpr uint32_t kReactorDepth = 6;

constexpr std::string_view kHexDigits = "0123456789abcdef";
constexpr std::string_view kUrlSafe =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
constexpr std::string_view kTwemojiBase =
    "https://cdn.jsdelivr.net/gh/twitter/twemoji@latest/assets/svg/";

enum RoleIndex { kAdmin, kModerator, kBots, kHelper, kRegular, kHeHim, kSheHer, kRoleCount };

// Twemoji's file name: the code points in hex joined by '-', without U+FE0F.
std::string TwemojiName(std::string_view utf8) {
  std::string name;
  for (size_t i = 0; i < utf8.size();) {
    const auto c = static_cast<unsigned char>(utf8[i]);
    const int length = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    uint32_t cp = length == 1 ? c : c & (0x3F >> (length - 1));
    for (int k = 1; k < length; ++k) {
      cp = (cp << 6) | (static_cast<unsigned char>(utf8[i + k]) & 0x3Fu);
    }
    i += length;
    if (cp == 0xFE0F)
      continue;
    char hex[9];
    std::snprintf(hex, sizeof hex, "%x", cp);
    if (!name.empty())
      name.push_back('-');
    name += hex;
  }
  return name;
}

void AppendTwoDigits(unsigned v, std::string* out) {
  out->push_back(static_cast<char>('0' + v / 10));
  out->push_back(static_cast<char>('0' + v % 10));
}

}  // namespace

DceWriter::DceWriter(const ExportInfo& info, Output* out)
    : info_(info), out_(out), json_(&out->buffer()) {
  const uint64_t s = base::Mix64(info.seed ^ 0xd15c0bd);
  const int64_t server_created = kServersFromMs + static_cast<int64_t>(s % kServersSpanMs);
  guild_id_ = Snowflake(server_created, s >> 40);
  category_id_ = Snowflake(server_created + 1000, s >> 41);
  channel_id_ = Snowflake(server_created + 2000, s >> 42);
  const std::string_view names[kRoleCount] = {"Admin",   "Moderator", "Bots",   "Helper",
                                              "Regular", "he/him",    "she/her"};
  const std::string_view colors[kRoleCount] = {"#E74C3C", "#3498DB", "#95A5A6", "#2ECC71",
                                               "#9B59B6", "",        ""};
  const int64_t positions[kRoleCount] = {10, 9, 8, 6, 4, 2, 1};
  for (int r = 0; r < kRoleCount; ++r) {
    roles_.push_back({Snowflake(server_created + (r + 1) * 60000, s >> (30 + r)), names[r],
                      colors[r], positions[r]});
  }
  for (const Person& p : info.roster->people) {
    const int64_t created = kAccountsFromMs + static_cast<int64_t>(p.uid % kAccountsSpanMs);
    User u;
    u.id = Snowflake(created, p.uid >> 42);
    RenderUser(p, u.id, kAuthorDepth, true, &u.author);
    RenderUser(p, u.id, kMentionDepth, true, &u.mention);
    RenderUser(p, u.id, kReactorDepth, false, &u.reactor);
    users_.push_back(std::move(u));
  }
  for (size_t k = 0; k < Stickers().size(); ++k) {
    sticker_ids_.push_back(Snowflake(server_created + (k + 40) * kMsPerDay, k));
  }
  for (size_t e = 0; e < Emojis().size(); ++e) {
    const Emoji& emoji = Emojis()[e];
    const uint64_t id = emoji.custom ? Snowflake(server_created + (e + 1) * kMsPerDay, e) : 0;
    emoji_ids_.push_back(id);
    emoji_urls_.push_back(emoji.custom
                              ? "https://cdn.discordapp.com/emojis/" + std::to_string(id) +
                                    (emoji.animated ? ".gif" : ".png")
                              : std::string(kTwemojiBase) + TwemojiName(emoji.text) + ".svg");
  }
}

uint64_t DceWriter::Snowflake(int64_t ms, uint64_t low) const {
  return (static_cast<uint64_t>(ms - kDiscordEpochMs) << 22) | (low & 0x3FFFFF);
}

std::string DceWriter::Token(uint64_t salt, size_t length, std::string_view alphabet) const {
  std::string token;
  uint64_t x = base::Mix64(info_.seed ^ salt);
  for (size_t i = 0; i < length; ++i) {
    if (i % 8 == 0)
      x = base::Mix64(x + i);
    token.push_back(alphabet[(x >> (8 * (i % 8))) % alphabet.size()]);
  }
  return token;
}

std::string DceWriter::Hex(uint64_t salt, size_t length) const {
  return Token(salt, length, kHexDigits);
}

std::vector<const DceWriter::Role*> DceWriter::RolesOf(const Person& p) const {
  std::vector<const Role*> roles;
  switch (p.kind) {
    case PersonKind::kHost:
      roles.push_back(&roles_[p.tier == 0 ? kAdmin : kModerator]);
      break;
    case PersonKind::kBot:
      if (info_.bot_flags)
        roles.push_back(&roles_[kBots]);
      break;
    case PersonKind::kMember:
      if (p.tier == 2)
        roles.push_back(&roles_[kHelper]);
      if (p.tier >= 1)
        roles.push_back(&roles_[kRegular]);
      break;
  }
  const uint64_t pronouns = (p.uid >> 20) % 10;  // One person in five shows pronouns.
  if (p.kind != PersonKind::kBot && pronouns < 2) {
    roles.push_back(&roles_[pronouns == 0 ? kHeHim : kSheHer]);
  }
  return roles;  // Already by descending position.
}

void DceWriter::RenderUser(const Person& p,
                           uint64_t id,
                           uint32_t depth,
                           bool with_roles,
                           std::string* out) const {
  PrettyJson j(out, depth);
  const std::vector<const Role*> roles = RolesOf(p);
  const bool bot = p.kind == PersonKind::kBot && info_.bot_flags;
  j.BeginObject();
  j.Field("id", std::to_string(id));
  j.Field("name", bot ? p.display : p.username);
  j.Field("discriminator", bot ? std::to_string(1000 + p.uid % 9000) : "0000");
  j.Field("nickname", p.display);
  const auto colored =
      std::find_if(roles.begin(), roles.end(), [](const Role* r) { return !r->color.empty(); });
  if (colored == roles.end()) {
    j.FieldNull("color");
  } else {
    j.Field("color", (*colored)->color);
  }
  j.Field("isBot", bot);
  if (with_roles) {
    j.Key("roles");
    j.BeginArray();
    for (const Role* r : roles) {
      j.BeginObject();
      j.Field("id", std::to_string(r->id));
      j.Field("name", r->name);
      if (r->color.empty()) {
        j.FieldNull("color");
      } else {
        j.Field("color", r->color);
      }
      j.Field("position", r->position);
      j.EndObject();
    }
    j.EndArray();
  }
  const uint64_t avatar = (p.uid >> 8) % 20;  // 4 in 20 keep the default avatar, 1 animates.
  if (avatar < 4) {
    j.Field("avatarUrl",
            "https://cdn.discordapp.com/embed/avatars/" + std::to_string((id >> 22) % 6) + ".png");
  } else {
    const std::string hash = (avatar == 4 ? "a_" : "") + Hex(p.uid, 32);
    j.Field("avatarUrl", "https://cdn.discordapp.com/avatars/" + std::to_string(id) + "/" + hash +
                             (avatar == 4 ? ".gif" : ".png") + "?size=512");
  }
  j.EndObject();
}

void DceWriter::WriteTime(std::string_view key, int64_t utc_ms, int extra_digits) {
  const LocalTime t = ToLocal(*info_.zone, utc_ms);
  std::string& s = scratch_;
  s.clear();
  s += std::to_string(t.year);
  s.push_back('-');
  AppendTwoDigits(t.month, &s);
  s.push_back('-');
  AppendTwoDigits(t.day, &s);
  s.push_back('T');
  AppendTwoDigits(t.hour, &s);
  s.push_back(':');
  AppendTwoDigits(t.minute, &s);
  s.push_back(':');
  AppendTwoDigits(t.second, &s);
  // .NET writes the fraction without trailing zeros, and none at all when it is zero. Extra
  // digits (sub-millisecond ticks) end with a non-zero one, so their length never varies.
  std::string fraction = std::to_string(1000 + t.millisecond).substr(1);
  if (extra_digits > 0) {
    fraction += Token(static_cast<uint64_t>(utc_ms), extra_digits - 1, "0123456789");
    fraction += Token(static_cast<uint64_t>(utc_ms) + 1, 1, "123456789");
  }
  while (!fraction.empty() && fraction.back() == '0')
    fraction.pop_back();
  if (!fraction.empty())
    s += "." + fraction;
  const int offset = t.offset_minutes < 0 ? -t.offset_minutes : t.offset_minutes;
  s.push_back(t.offset_minutes < 0 ? '-' : '+');
  AppendTwoDigits(static_cast<unsigned>(offset / 60), &s);
  s.push_back(':');
  AppendTwoDigits(static_cast<unsigned>(offset % 60), &s);
  json_.Field(key, s);
}

void DceWriter::Begin() {
  const Place& place = *info_.place;
  json_.BeginObject();
  json_.Key("guild");
  json_.BeginObject();
  json_.Field("id", std::to_string(guild_id_));
  json_.Field("name", place.server);
  json_.Field("iconUrl", "https://cdn.discordapp.com/icons/" + std::to_string(guild_id_) + "/" +
                             Hex(guild_id_, 32) + ".png?size=512");
  json_.EndObject();
  json_.Key("channel");
  json_.BeginObject();
  json_.Field("id", std::to_string(channel_id_));
  json_.Field("type", "GuildTextChat");
  json_.Field("categoryId", std::to_string(category_id_));
  json_.Field("category", place.category);
  json_.Field("name", place.channel);
  json_.Field("topic", place.description);
  json_.EndObject();
  json_.Key("dateRange");
  json_.BeginObject();
  json_.FieldNull("after");
  json_.FieldNull("before");
  json_.EndObject();
  WriteTime("exportedAt", info_.exported_at_ms, 4);
  json_.Key("messages");
  json_.BeginArray();
}

bool DceWriter::OnMessage(const ChatMessage& m) {
  const size_t mark = out_->Mark();
  const bool first = json_.empty_container();
  WriteMessage(m);
  // The closing: "\n  ],\n  \"messageCount\": N\n}".
  const uint64_t closing = 26 + std::to_string(written_ + 1).size();
  if (!out_->Commit(mark, closing)) {
    json_.set_empty_container(first);
    return false;
  }
  ++written_;
  return true;
}

void DceWriter::End() {
  json_.EndArray();
  json_.Field("messageCount", static_cast<int64_t>(written_));
  json_.EndObject();
}

void DceWriter::WriteMessage(const ChatMessage& m) {
  const bool join = m.kind == MessageKind::kJoin;
  json_.BeginObject();
  json_.Field("id", std::to_string(Snowflake(m.time_ms, m.seq)));
  json_.Field("type", join ? "GuildMemberJoin" : m.is_reply ? "Reply" : "Default");
  WriteTime("timestamp", m.time_ms);
  if (m.edited_ms != 0) {
    WriteTime("timestampEdited", m.edited_ms);
  } else {
    json_.FieldNull("timestampEdited");
  }
  json_.FieldNull("callEndedTimestamp");
  json_.Field("isPinned", m.pinned);
  if (join) {
    json_.Field("content", "Joined the server.");
  } else {
    WriteContent(m);
  }
  json_.Key("author");
  json_.Raw(users_[m.author].author);
  WriteAttachment(m);
  json_.Key("embeds");
  json_.BeginArray();
  if (m.link >= 0)
    WriteEmbed(Links()[m.link]);
  json_.EndArray();
  json_.Key("stickers");
  json_.BeginArray();
  if (m.sticker >= 0) {
    const Sticker& sticker = Stickers()[m.sticker];
    const uint64_t id = sticker_ids_[m.sticker];
    json_.BeginObject();
    json_.Field("id", std::to_string(id));
    json_.Field("name", sticker.name);
    json_.Field("format", sticker.format);
    json_.Field("sourceUrl", "https://media.discordapp.net/stickers/" + std::to_string(id) +
                                 (sticker.format == "Lottie" ? ".json" : ".png"));
    json_.EndObject();
  }
  json_.EndArray();
  WriteReactions(m);
  WriteMentions(m);
  if (m.is_reply) {
    json_.Key("reference");
    json_.BeginObject();
    json_.Field("messageId", std::to_string(Snowflake(m.parent_time_ms, m.parent_seq)));
    json_.Field("channelId", std::to_string(channel_id_));
    json_.Field("guildId", std::to_string(guild_id_));
    json_.EndObject();
  }
  json_.EndObject();
}

void DceWriter::WriteContent(const ChatMessage& m) {
  // DCE writes mentions as "@" and the display name.
  std::string& text = scratch_;
  text.clear();
  size_t next_mention = 0;
  for (char c : m.text) {
    if (c == kMentionMark && next_mention < m.mentions.size()) {
      text.push_back('@');
      text += info_.roster->people[m.mentions[next_mention++]].display;
    } else {
      text.push_back(c);
    }
  }
  json_.Field("content", text);
}

void DceWriter::WriteAttachment(const ChatMessage& m) {
  json_.Key("attachments");
  json_.BeginArray();
  if (m.attachment.kind != AttachmentKind::kNone) {
    const uint64_t id = Snowflake(m.time_ms - 1200, m.seq * 7 + 1);
    const int64_t issued_s = m.time_ms / 1000 + 30 * 86400;
    char expiry[40];
    std::snprintf(expiry, sizeof expiry,
                  "?ex=%08llx&is=%08llx&hm=", static_cast<unsigned long long>(issued_s + 86400),
                  static_cast<unsigned long long>(issued_s));
    json_.BeginObject();
    json_.Field("id", std::to_string(id));
    json_.Field("url", "https://cdn.discordapp.com/attachments/" + std::to_string(channel_id_) +
                           "/" + std::to_string(id) + "/" + m.attachment.name + expiry +
                           Hex(id, 64) + "&");
    json_.Field("fileName", m.attachment.name);
    json_.Field("fileSizeBytes", static_cast<int64_t>(m.attachment.bytes));
    json_.EndObject();
  }
  json_.EndArray();
}

void DceWriter::WriteEmbed(const Link& link) {
  json_.BeginObject();
  json_.Field("title", link.title);
  json_.Field("url", link.url);
  json_.FieldNull("timestamp");
  json_.Field("description", link.description);
  if (!link.color.empty())
    json_.Field("color", link.color);
  if (!link.image.empty()) {
    const uint64_t salt = base::Hash64(link.image);
    std::string_view path = link.image;
    path.remove_prefix(path.find("://") + 3);
    json_.Key("thumbnail");
    json_.BeginObject();
    json_.Field("url", "https://images-ext-" + std::to_string(1 + salt % 2) +
                           ".discordapp.net/external/" + Token(salt, 43, kUrlSafe) + "/https/" +
                           std::string(path));
    json_.Field("canonicalUrl", link.image);
    json_.Field("width", static_cast<int64_t>(link.width));
    json_.Field("height", static_cast<int64_t>(link.height));
    json_.EndObject();
  }
  json_.Key("images");
  json_.BeginArray();
  json_.EndArray();
  json_.Key("fields");
  json_.BeginArray();
  json_.EndArray();
  json_.EndObject();
}

void DceWriter::WriteReactions(const ChatMessage& m) {
  json_.Key("reactions");
  json_.BeginArray();
  for (const Reaction& r : m.reactions) {
    const Emoji& emoji = Emojis()[r.emoji];
    json_.BeginObject();
    json_.Key("emoji");
    json_.BeginObject();
    json_.Field("id", emoji.custom ? std::to_string(emoji_ids_[r.emoji]) : "");
    json_.Field("name", emoji.text);
    json_.Field("code", emoji.code);
    json_.Field("isAnimated", emoji.animated);
    json_.Field("imageUrl", emoji_urls_[r.emoji]);
    json_.EndObject();
    json_.Field("count", static_cast<int64_t>(r.users_end - r.users_begin));
    json_.Key("users");
    json_.BeginArray();
    for (uint32_t u = r.users_begin; u < r.users_end; ++u) {
      json_.Raw(users_[m.reactors[u]].reactor);
    }
    json_.EndArray();
    json_.EndObject();
  }
  json_.EndArray();
}

void DceWriter::WriteMentions(const ChatMessage& m) {
  // Discord lists the people named in the text, and the replied-to author when pinged.
  json_.Key("mentions");
  json_.BeginArray();
  for (uint32_t person : m.mentions)
    json_.Raw(users_[person].mention);
  const bool parent_named =
      std::find(m.mentions.begin(), m.mentions.end(), m.parent_author) != m.mentions.end();
  if (m.is_reply && m.ping_parent && !parent_named) {
    json_.Raw(users_[m.parent_author].mention);
  }
  json_.EndArray();
}

}  // namespace meshcheck::gen
