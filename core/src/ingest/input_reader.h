// InputReader: the reader of one input whose format may not be known yet. It holds back the
// first bytes until Detect places them (or uses the format it was given), then hands every byte
// to that format's reader. Used by the Session for each input and by the zip layer for each
// entry.
#pragma once

#include <memory>
#include <string>

#include "ingest/reader.h"

namespace meshcheck::ingest {

class InputReader : public Reader {
 public:
  // `format` kAuto: sniffed. The context's views must outlive the reader.
  InputReader(const ReaderContext& context, Format format);

  // Chunks may split anywhere; the result never depends on the split. A non-ok status is the
  // input's error (an unrecognised input is kUnsupportedFormat); the caller stops pushing.
  Status Push(std::string_view chunk) override;
  // Call once: sniffs what is held back if the format is still unknown, then ends the reader.
  Status End() override;

  // The format being read: kAuto until known.
  Format format() const { return format_; }

 private:
  // Detects the format from the first kSniffBytes of `bytes` (the input's first bytes, all of
  // it if `complete`) and, once known, starts its reader and pushes `bytes` to it.
  Status Sniff(std::string_view bytes, bool complete);
  // Sniff over head_, freed once a reader took it.
  Status SniffHeld(bool complete);
  Status Start(Format format);

  ReaderContext context_;
  Format format_ = Format::kAuto;
  std::unique_ptr<Reader> reader_;
  std::string head_;        // Leading bytes held back until the format is known.
  size_t next_sniff_ = 64;  // Detect runs when the head reaches this size (doubling).
};

}  // namespace meshcheck::ingest
