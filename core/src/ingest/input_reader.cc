#include "ingest/input_reader.h"

#include <algorithm>

#include "ingest/detect.h"

namespace meshcheck::ingest {

InputReader::InputReader(const ReaderContext& context, Format format) : context_(context) {
  if (format != Format::kAuto)
    (void)Start(format);
}

Status InputReader::Start(Format format) {
  format_ = format;
  reader_ = MakeReader(format, context_);
  if (!reader_) {
    return Status(StatusCode::kUnsupportedFormat, "ingest.no_reader",
                  std::string("meshcheck has no reader for ") + FormatName(format) + " yet.",
                  Location{context_.input, 0, 0});
  }
  return Status::Ok();
}

Status InputReader::Sniff(std::string_view bytes, bool complete) {
  // Detect looks at kSniffBytes at most (detect.h): never more, however large the first chunk.
  const bool enough = bytes.size() >= kSniffBytes;
  const Detection d = Detect(bytes.substr(0, kSniffBytes), context_.name, complete || enough,
                             complete && bytes.size() <= kSniffBytes);
  if (d.state == Detection::State::kNeedMore)
    return Status::Ok();
  if (d.state == Detection::State::kUnknown)
    return UnsupportedInput(d, context_.name, context_.input);
  Status s = Start(d.format);
  if (!s.ok())
    return s;
  return reader_->Push(bytes);
}

Status InputReader::SniffHeld(bool complete) {
  Status s = Sniff(head_, complete);
  if (reader_)
    std::string().swap(head_);  // Handed to the reader: no longer held.
  return s;
}

Status InputReader::Push(std::string_view chunk) {
  if (reader_)
    return reader_->Push(chunk);
  if (format_ != Format::kAuto)
    return Start(format_);  // The given format has no reader: its error again.
  if (head_.empty() && chunk.size() >= kSniffBytes)
    return Sniff(chunk, false);  // Enough to decide: nothing to hold back.
  head_.append(chunk);
  // Sniffing at doubling sizes keeps the work linear however small the chunks are.
  if (head_.size() < next_sniff_ && head_.size() < kSniffBytes)
    return Status::Ok();
  next_sniff_ = std::max(next_sniff_, head_.size()) * 2;
  return SniffHeld(false);
}

Status InputReader::End() {
  if (!reader_ && format_ == Format::kAuto) {
    Status s = SniffHeld(true);
    if (!s.ok())
      return s;
  }
  if (!reader_)
    return Start(format_);
  return reader_->End();
}

}  // namespace meshcheck::ingest
