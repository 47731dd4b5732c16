// A WhatsApp group chat export (FORMATS.md section 4), Android layout with a 24-hour clock:
// "d/m/yy, HH:mm - Name: text", multi-line bodies as continuation lines, local wall-clock times
// without a zone, system lines ("created group", "joined using this group's invite link", the
// end-to-end encryption notice). What WhatsApp does not export is not written: no reply links,
// no reactions, no ids, no edits' times ("<This message was edited>" only), media as
// "<Media omitted>". WhatsApp groups have no bots: bot messages are left out.
//
// People appear by the name the exporting phone knows them by: their display name, made unique
// within the export (a duplicate gets its handle appended), so one name is one person.
#pragma once

#include <string>
#include <vector>

#include "gen/chat_writer.h"

namespace meshcheck::gen {

class WhatsAppWriter : public ChatWriter {
 public:
  WhatsAppWriter(const ExportInfo& info, Output* out);

  void Begin() override {}
  bool OnMessage(const ChatMessage& m) override;
  void End() override {}
  uint64_t messages_written() const override { return written_; }
  std::string PersonKey(uint32_t person) const override { return names_[person]; }

  // The export's file name: "WhatsApp Chat with <group>.txt".
  std::string FileName() const;

 private:
  void AppendHeader(int64_t utc_ms);
  void AppendBody(const ChatMessage& m);

  ExportInfo info_;
  Output* out_;
  std::vector<std::string> names_;  // By roster index.
  bool opened_ = false;             // The notices that open the chat are written.
  uint64_t written_ = 0;
};

}  // namespace meshcheck::gen
