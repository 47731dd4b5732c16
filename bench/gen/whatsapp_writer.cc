#include "gen/whatsapp_writer.h"

#include <cstdio>
#include <unordered_set>

namespace meshcheck::gen {
namespace {

constexpr std::string_view kEncryptionNotice =
    "Messages and calls are end-to-end encrypted. No one outside of this chat, including "
    "WhatsApp, can read or listen to them. Tap to learn more.";
constexpr std::string_view kMediaOmitted = "<Media omitted>";
constexpr std::string_view kEdited = " <This message was edited>";

}  // namespace

WhatsAppWriter::WhatsAppWriter(const ExportInfo& info, Output* out) : info_(info), out_(out) {
  std::unordered_set<std::string> used;
  for (const Person& p : info.roster->people) {
    std::string name = p.display;
    if (!used.insert(name).second) {
      name = p.display + " (" + p.username + ")";
      used.insert(name);
    }
    names_.push_back(std::move(name));
  }
}

std::string WhatsAppWriter::FileName() const {
  return "WhatsApp Chat with " + std::string(info_.place->server) + ".txt";
}

void WhatsAppWriter::AppendHeader(int64_t utc_ms) {
  const LocalTime t = ToLocal(*info_.zone, utc_ms);
  char s[40];
  std::snprintf(s, sizeof s, "%u/%u/%02u, %02u:%02u - ", t.day, t.month,
                static_cast<unsigned>(t.year % 100), t.hour, t.minute);
  out_->buffer().append(s);
}

void WhatsAppWriter::AppendBody(const ChatMessage& m) {
  std::string& b = out_->buffer();
  if (m.attachment.kind != AttachmentKind::kNone || m.sticker >= 0) {
    b.append(kMediaOmitted);
    return;
  }
  size_t next_mention = 0;
  for (const char c : m.text) {
    if (c == kMentionMark && next_mention < m.mentions.size()) {
      b.push_back('@');
      b.append(names_[m.mentions[next_mention++]]);
    } else {
      b.push_back(c);
    }
  }
  if (m.edited_ms != 0)
    b.append(kEdited);
}

bool WhatsAppWriter::OnMessage(const ChatMessage& m) {
  const Person& author = info_.roster->people[m.author];
  if (author.kind == PersonKind::kBot)
    return true;
  const size_t mark = out_->Mark();
  std::string& b = out_->buffer();
  if (!opened_) {
    AppendHeader(m.time_ms);
    b.append(kEncryptionNotice);
    b.push_back('\n');
    AppendHeader(m.time_ms);
    b.append(names_[info_.roster->hosts.front()] + " created group \"" +
             std::string(info_.place->server) + "\"\n");
  }
  AppendHeader(m.time_ms);
  b.append(names_[m.author]);
  if (m.kind == MessageKind::kJoin) {
    b.append(" joined using this group's invite link");
  } else {
    b.append(": ");
    AppendBody(m);
  }
  b.push_back('\n');
  if (!out_->Commit(mark, 0))
    return false;
  opened_ = true;
  ++written_;
  return true;
}

}  // namespace meshcheck::gen
