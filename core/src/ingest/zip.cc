#include "ingest/zip.h"

#include <zlib.h>

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "base/plural.h"
#include "base/printable.h"
#include "base/utf8.h"
#include "ingest/detect.h"
#include "ingest/input_reader.h"

namespace meshcheck::ingest {
namespace {

constexpr uint32_t kLocalHeaderSig = 0x04034b50;    // "PK\3\4"
constexpr uint32_t kCentralHeaderSig = 0x02014b50;  // "PK\1\2"
constexpr uint32_t kEndSig = 0x06054b50;            // "PK\5\6": end of central directory
constexpr uint32_t kZip64EndSig = 0x06064b50;       // "PK\6\6"
constexpr uint32_t kArchiveExtraSig = 0x08064b50;   // "PK\6\10": before an encrypted directory
constexpr uint32_t kDescriptorSig = 0x08074b50;     // "PK\7\10"

constexpr size_t kSignatureBytes = 4;
constexpr size_t kLocalHeaderBytes = 26;  // After the signature, before the name.
constexpr uint16_t kFlagEncrypted = 1 << 0;
constexpr uint16_t kFlagDescriptor = 1 << 3;
constexpr uint16_t kMethodStored = 0;
constexpr uint16_t kMethodDeflate = 8;
constexpr uint16_t kZip64ExtraId = 1;
constexpr uint32_t kZip64Marker = 0xFFFFFFFF;
// Scanning for the end of data of unknown length keeps the bytes that may hold a descriptor
// (at most 24) and the start of a signature (3).
constexpr size_t kScanTailBytes = 24 + 3;
constexpr size_t kExampleNames = 3;

uint16_t Le16(const char* p) {
  const auto* b = reinterpret_cast<const unsigned char*>(p);
  return static_cast<uint16_t>(b[0] | b[1] << 8);
}
uint32_t Le32(const char* p) {
  return Le16(p) | static_cast<uint32_t>(Le16(p + 2)) << 16;
}
uint64_t Le64(const char* p) {
  return Le32(p) | static_cast<uint64_t>(Le32(p + 4)) << 32;
}

bool IsZipMagic(std::string_view bytes) {
  return bytes.size() >= kSignatureBytes &&
         (Le32(bytes.data()) == kLocalHeaderSig || Le32(bytes.data()) == kEndSig);
}

// Folders, macOS resource forks (`__MACOSX/`) and hidden files or folders (".DS_Store").
bool IsFolderOrHidden(std::string_view path) {
  if (path.empty() || path.back() == '/' || path.substr(0, 9) == "__MACOSX/")
    return true;
  for (size_t start = 0; start < path.size();) {
    if (path[start] == '.')
      return true;
    const size_t slash = path.find('/', start);
    if (slash == std::string_view::npos)
      break;
    start = slash + 1;
  }
  return false;
}

std::string SizeText(uint64_t bytes) {
  if (bytes >= (uint64_t{1} << 30) && bytes % (uint64_t{1} << 30) == 0)
    return std::to_string(bytes >> 30) + " GiB";
  if (bytes >= (uint64_t{1} << 20) && bytes % (uint64_t{1} << 20) == 0)
    return std::to_string(bytes >> 20) + " MiB";
  return base::Plural(bytes, "byte", "bytes");
}

// An entry's name for a message: the archive controls it, so only its printable part.
std::string Quoted(std::string_view name) {
  return '\'' + base::Printable(name) + '\'';
}

constexpr const char* kUnzipAdvice =
    " If it is a real export, unzip it and give meshcheck the export's files.";

class ZipReader : public Reader {
 public:
  ZipReader(const ReaderContext& context, ZipEntryReaderFactory make_entry, const ZipLimits& limits)
      : context_(context), make_entry_(std::move(make_entry)), limits_(limits) {}
  ~ZipReader() override {
    if (inflate_ready_)
      inflateEnd(&z_);
  }

  Status Push(std::string_view chunk) override;
  Status End() override;

 private:
  enum class State { kSignature, kHeader, kCopy, kInflate, kScan, kDescriptor, kDone };

  // The local header and progress of the entry being read.
  struct Entry {
    std::string name;
    uint64_t at = 0;  // Offset of its local header in the archive.
    uint16_t flags = 0;
    uint16_t method = 0;
    uint32_t crc = 0;  // Recorded (local header or data descriptor).
    uint64_t compressed = 0;
    uint64_t size = 0;
    bool zip64 = false;
    uint64_t consumed = 0;  // Compressed bytes read so far.
    uint64_t produced = 0;  // Inflated (or stored) bytes so far.
    uint32_t actual_crc = 0;
    bool has_descriptor() const { return (flags & kFlagDescriptor) != 0; }
  };

  // Parsing steps; each consumes from the front of *in.
  Status Step(std::string_view* in);
  bool Gather(size_t n, std::string_view* in);
  void Take(std::string_view* in, size_t n);
  Status OnSignature();
  Status GatherHeader(std::string_view* in);
  Status OnHeader();
  void ReadZip64Extra(std::string_view extra);
  Status StartData();
  Status CopyStep(std::string_view* in);
  Status InflateStep(std::string_view* in);
  Status InflateEnded();
  Status ScanStep(std::string_view* in);
  bool MatchDescriptor(std::string_view before, uint64_t end);
  Status GatherDescriptor(std::string_view* in);
  Status FinishData();
  Status CompleteEntry();
  Status Output(std::string_view bytes);

  // Delivery of the current entry to its reader.
  void Deliver(std::string_view bytes);
  bool OpenEntryReader();
  void EndEntryReader();
  void DropEntry(const Status& status);
  void Note(const char* id, const std::string& message);

  // Outcomes of the whole input.
  Status Truncated();
  Status Summarize();
  Status NoExport() const;
  Status Error(StatusCode code, const char* id, const std::string& message) const;
  Location Here() const { return Location{context_.input, offset_, 0}; }
  Location AtEntry() const { return Location{context_.input, entry_.at, 0}; }
  std::string ZipName() const {
    return context_.name.empty() ? "The zip" : std::string(context_.name);
  }

  ReaderContext context_;
  ZipEntryReaderFactory make_entry_;
  ZipLimits limits_;
  Status error_;

  State state_ = State::kSignature;
  std::string hold_;     // A header, signature or descriptor gathered across chunks.
  uint64_t offset_ = 0;  // Archive bytes consumed.
  Entry entry_;
  std::string tail_;  // kScan: the last data bytes seen, not yet delivered.
  z_stream z_{};
  bool inflate_ready_ = false;
  std::unique_ptr<char[]> piece_;  // Inflate output.

  bool wanted_ = false;  // The entry's bytes go to its reader.
  std::unique_ptr<Reader> entry_reader_;
  std::string lead_;  // First bytes of the entry, held back until a nested zip is ruled out.

  uint64_t entries_ = 0;  // Local headers read.
  uint64_t files_ = 0;    // Entries that are not folders or hidden.
  uint64_t read_ = 0;     // Entries whose reader ended without error.
  uint64_t unclaimed_ = 0;
  std::vector<std::string> unclaimed_examples_;
  uint64_t failed_ = 0;
  std::string first_failure_;
  uint64_t passed_over_ = 0;  // Encrypted, unsupported method, nested zip.
  uint64_t inflated_ = 0;     // Over all entries, for the size limit.
};

Status ZipReader::Push(std::string_view chunk) {
  if (!error_.ok())
    return error_;
  while (!chunk.empty() && state_ != State::kDone) {
    Status s = Step(&chunk);
    if (!s.ok()) {
      entry_reader_.reset();
      wanted_ = false;
      state_ = State::kDone;
      error_ = s;
      return s;
    }
  }
  return Status::Ok();
}

Status ZipReader::Step(std::string_view* in) {
  switch (state_) {
    case State::kSignature:
      return Gather(kSignatureBytes, in) ? OnSignature() : Status::Ok();
    case State::kHeader:
      return GatherHeader(in);
    case State::kCopy:
      return CopyStep(in);
    case State::kInflate:
      return InflateStep(in);
    case State::kScan:
      return ScanStep(in);
    case State::kDescriptor:
      return GatherDescriptor(in);
    case State::kDone:
      break;
  }
  return Status::Ok();
}

// Appends to hold_ until it holds n bytes; true once it does.
bool ZipReader::Gather(size_t n, std::string_view* in) {
  if (hold_.size() < n) {
    const size_t k = std::min(n - hold_.size(), in->size());
    hold_.append(in->substr(0, k));
    Take(in, k);
  }
  return hold_.size() >= n;
}

void ZipReader::Take(std::string_view* in, size_t n) {
  in->remove_prefix(n);
  offset_ += n;
}

Status ZipReader::OnSignature() {
  const uint32_t sig = Le32(hold_.data());
  hold_.clear();
  if (sig == kLocalHeaderSig) {
    entry_ = Entry{};
    entry_.at = offset_ - kSignatureBytes;
    state_ = State::kHeader;
    return Status::Ok();
  }
  if (sig == kCentralHeaderSig || sig == kEndSig || sig == kZip64EndSig ||
      sig == kArchiveExtraSig) {
    state_ = State::kDone;
    return Status::Ok();
  }
  const std::string what =
      entries_ == 0 ? ZipName() + " is not a zip archive: it does not start with a zip header."
                    : ZipName() + " is damaged: where entry " + std::to_string(entries_ + 1) +
                          " should start (byte " + std::to_string(offset_ - kSignatureBytes) +
                          ") there is no zip header. Download or copy the file again.";
  return Error(StatusCode::kParseError, "ingest.zip.bad_signature", what)
      .At(Location{context_.input, offset_ - kSignatureBytes, 0});
}

Status ZipReader::GatherHeader(std::string_view* in) {
  if (!Gather(kLocalHeaderBytes, in))
    return Status::Ok();
  const size_t name_bytes = Le16(hold_.data() + 22);
  if (name_bytes > kZipMaxNameBytes) {
    return Error(StatusCode::kLimitExceeded, "ingest.zip.name_too_long",
                 ZipName() + " holds an entry whose path is " + std::to_string(name_bytes) +
                     " bytes long, beyond the safety limit of " + std::to_string(kZipMaxNameBytes) +
                     ": this is not an export." + kUnzipAdvice);
  }
  const size_t extra_bytes = Le16(hold_.data() + 24);
  if (!Gather(kLocalHeaderBytes + name_bytes + extra_bytes, in))
    return Status::Ok();
  return OnHeader();
}

Status ZipReader::OnHeader() {
  const char* h = hold_.data();
  entry_.flags = Le16(h + 2);
  entry_.method = Le16(h + 4);
  entry_.crc = Le32(h + 10);
  entry_.compressed = Le32(h + 14);
  entry_.size = Le32(h + 18);
  const std::string_view rest = std::string_view(hold_).substr(kLocalHeaderBytes);
  const size_t name_bytes = Le16(h + 22);
  ReadZip64Extra(rest.substr(name_bytes));
  base::AppendRepairedUtf8(rest.substr(0, name_bytes), &entry_.name);
  hold_.clear();
  if (++entries_ > limits_.max_entries) {
    return Error(StatusCode::kLimitExceeded, "ingest.zip.too_many_entries",
                 ZipName() + " holds more than " + std::to_string(limits_.max_entries) +
                     " entries, beyond the safety limit: this is not an export." + kUnzipAdvice);
  }
  wanted_ = false;
  if (!IsFolderOrHidden(entry_.name)) {
    ++files_;
    if (entry_.flags & kFlagEncrypted) {
      Note("ingest.zip.encrypted_entry",
           "An entry of the zip is encrypted and was skipped (first: " + Quoted(entry_.name) +
               "). Export again without a password.");
    } else if (entry_.method != kMethodStored && entry_.method != kMethodDeflate) {
      Note("ingest.zip.unsupported_method",
           "An entry of the zip is compressed with a method meshcheck does not read (method " +
               std::to_string(entry_.method) + ", first: " + Quoted(entry_.name) +
               "); it was skipped. Zip the export again with ordinary (deflate) compression.");
    } else {
      wanted_ = true;
      lead_.clear();
    }
  }
  return StartData();
}

// ZIP64: the 32-bit sizes are 0xFFFFFFFF and the real ones sit in extra field 1 (in a local
// header the spec requires both, original size first).
void ZipReader::ReadZip64Extra(std::string_view extra) {
  while (extra.size() >= 4) {
    const uint16_t id = Le16(extra.data());
    const size_t size = std::min<size_t>(Le16(extra.data() + 2), extra.size() - 4);
    std::string_view data = extra.substr(4, size);
    extra.remove_prefix(4 + size);
    if (id != kZip64ExtraId)
      continue;
    entry_.zip64 = true;
    const bool both = data.size() >= 16;
    if (entry_.size == kZip64Marker && data.size() >= 8) {
      entry_.size = Le64(data.data());
      data.remove_prefix(8);
    } else if (both) {
      data.remove_prefix(8);
    }
    if (entry_.compressed == kZip64Marker && data.size() >= 8)
      entry_.compressed = Le64(data.data());
  }
}

Status ZipReader::StartData() {
  const bool known = !entry_.has_descriptor();
  const bool inflatable = entry_.method == kMethodDeflate && !(entry_.flags & kFlagEncrypted);
  if (inflatable && (wanted_ || !known)) {
    if (known && entry_.compressed == 0) {
      DropEntry(Status(StatusCode::kParseError, "ingest.zip.bad_entry",
                       "its compressed data is missing"));
      return FinishData();
    }
    if (!inflate_ready_) {
      if (inflateInit2(&z_, -MAX_WBITS) != Z_OK)
        return Error(StatusCode::kInternal, "ingest.zip.inflate", "zlib could not start.");
      inflate_ready_ = true;
      piece_ = std::make_unique<char[]>(kZipPieceBytes);
    } else {
      inflateReset(&z_);
    }
    state_ = State::kInflate;
    return Status::Ok();
  }
  if (known) {
    state_ = State::kCopy;
    return entry_.compressed == 0 ? FinishData() : Status::Ok();
  }
  tail_.clear();
  state_ = State::kScan;
  return Status::Ok();
}

// Data of known length: stored bytes are delivered, anything else is passed over.
Status ZipReader::CopyStep(std::string_view* in) {
  const size_t n =
      static_cast<size_t>(std::min<uint64_t>(in->size(), entry_.compressed - entry_.consumed));
  const std::string_view bytes = in->substr(0, n);
  Take(in, n);
  entry_.consumed += n;
  if (wanted_ && entry_.method == kMethodStored) {
    Status s = Output(bytes);
    if (!s.ok())
      return s;
  }
  return entry_.consumed == entry_.compressed ? FinishData() : Status::Ok();
}

Status ZipReader::InflateStep(std::string_view* in) {
  uint64_t avail = in->size();
  if (!entry_.has_descriptor())
    avail = std::min(avail, entry_.compressed - entry_.consumed);
  z_.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in->data()));
  z_.avail_in = static_cast<uInt>(std::min<uint64_t>(avail, uint64_t{1} << 30));
  for (;;) {
    z_.next_out = reinterpret_cast<Bytef*>(piece_.get());
    z_.avail_out = kZipPieceBytes;
    const uInt before = z_.avail_in;
    const int ret = inflate(&z_, Z_NO_FLUSH);
    Take(in, before - z_.avail_in);
    entry_.consumed += before - z_.avail_in;
    Status s = Output(std::string_view(piece_.get(), kZipPieceBytes - z_.avail_out));
    if (!s.ok())
      return s;
    if (ret == Z_STREAM_END)
      return InflateEnded();
    const bool starved = z_.avail_in == 0 && (ret == Z_BUF_ERROR || z_.avail_out != 0);
    if (ret != Z_OK && !starved) {
      if (entry_.has_descriptor()) {
        return Error(StatusCode::kParseError, "ingest.zip.bad_data",
                     ZipName() + " is damaged: the compressed data of " + Quoted(entry_.name) +
                         " cannot be inflated, so the entries after it cannot be found. "
                         "Download or copy the file again.")
            .At(AtEntry());
      }
      // An entry already dropped (its reader failed on the bytes this same call inflated) is
      // not counted again: split into smaller chunks, it would not have been inflated this far.
      if (wanted_) {
        DropEntry(Status(StatusCode::kParseError, "ingest.zip.bad_entry",
                         "its compressed data is damaged"));
      }
      state_ = State::kCopy;  // Pass over the rest of its known length.
      return CopyStep(in);
    }
    if (!wanted_ && !entry_.has_descriptor()) {
      state_ = State::kCopy;  // Nobody wants the bytes and the length is known: no inflating.
      return Status::Ok();
    }
    if (starved)
      break;
  }
  if (!entry_.has_descriptor() && entry_.consumed == entry_.compressed) {
    DropEntry(Status(StatusCode::kParseError, "ingest.zip.bad_entry",
                     "its compressed data ends too early"));
    return FinishData();
  }
  return Status::Ok();
}

Status ZipReader::InflateEnded() {
  if (entry_.has_descriptor())
    return FinishData();
  // Bytes after the end of the deflate stream but within the recorded length: passed over.
  state_ = State::kCopy;
  return entry_.consumed == entry_.compressed ? FinishData() : Status::Ok();
}

// Data of unknown length that cannot be inflated: it ends where a data descriptor recording
// its length is followed by the next header. Stored data is delivered with a lag of
// kScanTailBytes, so the descriptor is never delivered.
Status ZipReader::ScanStep(std::string_view* in) {
  const std::string_view chunk = *in;
  const size_t held = tail_.size();
  const size_t total = held + chunk.size();
  const uint64_t base = entry_.consumed - held;  // Data offset of the first held byte.
  const auto at = [&](size_t i) { return i < held ? tail_[i] : chunk[i - held]; };
  // Signatures wholly before the held bytes' last three were looked at before.
  for (size_t p = held >= 3 ? held - 3 : 0; p + kSignatureBytes <= total; ++p) {
    if (p >= held) {
      const size_t k = chunk.find("PK", p - held);
      if (k == std::string_view::npos || held + k + kSignatureBytes > total)
        break;
      p = held + k;
    }
    char sig[kSignatureBytes] = {at(p), at(p + 1), at(p + 2), at(p + 3)};
    const uint32_t s = Le32(sig);
    if (s != kLocalHeaderSig && s != kCentralHeaderSig && s != kZip64EndSig)
      continue;
    char before[24];
    const size_t n = std::min<size_t>(p, sizeof(before));
    for (size_t i = 0; i < n; ++i)
      before[sizeof(before) - n + i] = at(p - n + i);
    if (!MatchDescriptor(std::string_view(before + sizeof(before) - n, n), base + p))
      continue;
    // The data ends at entry_.compressed; deliver what is left of it.
    const size_t data_end = static_cast<size_t>(entry_.compressed - base);
    if (wanted_) {
      Status st = Output(std::string_view(tail_).substr(0, std::min(held, data_end)));
      if (st.ok() && data_end > held)
        st = Output(chunk.substr(0, data_end - held));
      if (!st.ok())
        return st;
    }
    entry_.consumed = entry_.compressed;
    if (p >= held) {
      Take(in, p - held);
      hold_.clear();
    } else {
      hold_ = tail_.substr(p);  // The signature began in the held bytes.
    }
    Status done = CompleteEntry();
    tail_.clear();
    return done;
  }
  // No end here: deliver all but the last kScanTailBytes, which may hold a descriptor.
  std::string next_tail;
  if (total > kScanTailBytes) {
    const size_t keep_from = total - kScanTailBytes;
    if (wanted_) {
      Status st = Output(std::string_view(tail_).substr(0, std::min(held, keep_from)));
      if (st.ok() && keep_from > held)
        st = Output(chunk.substr(0, keep_from - held));
      if (!st.ok())
        return st;
    }
    for (size_t i = keep_from; i < total; ++i)
      next_tail.push_back(at(i));
  } else {
    next_tail = tail_;
    next_tail.append(chunk);
  }
  tail_ = std::move(next_tail);
  entry_.consumed += chunk.size();
  Take(in, chunk.size());
  return Status::Ok();
}

// True if `before` (the bytes just before a header signature at data offset `end`) ends with a
// data descriptor whose compressed size is the data before it; then records the descriptor.
bool ZipReader::MatchDescriptor(std::string_view before, uint64_t end) {
  struct Layout {
    size_t bytes;
    bool signed_;
    bool wide;
  };
  static constexpr Layout kLayouts[] = {
      {16, true, false}, {12, false, false}, {24, true, true}, {20, false, true}};
  for (const Layout& l : kLayouts) {
    if (before.size() < l.bytes || end < l.bytes)
      continue;
    const char* d = before.data() + before.size() - l.bytes;
    if (l.signed_ && Le32(d) != kDescriptorSig)
      continue;
    d += l.signed_ ? 4 : 0;
    const uint64_t compressed = l.wide ? Le64(d + 4) : Le32(d + 4);
    const uint64_t size = l.wide ? Le64(d + 12) : Le32(d + 8);
    if (compressed != end - l.bytes ||
        (entry_.method == kMethodStored && !(entry_.flags & kFlagEncrypted) && size != compressed))
      continue;
    entry_.crc = Le32(d);
    entry_.compressed = compressed;
    entry_.size = size;
    return true;
  }
  return false;
}

Status ZipReader::GatherDescriptor(std::string_view* in) {
  if (!Gather(4, in))
    return Status::Ok();
  const bool signed_ = Le32(hold_.data()) == kDescriptorSig;
  const bool wide =
      entry_.zip64 || entry_.consumed >= kZip64Marker || entry_.produced >= kZip64Marker;
  const size_t bytes = (signed_ ? 4 : 0) + 4 + (wide ? 16 : 8);
  if (!Gather(bytes, in))
    return Status::Ok();
  const char* d = hold_.data() + (signed_ ? 4 : 0);
  entry_.crc = Le32(d);
  entry_.compressed = wide ? Le64(d + 4) : Le32(d + 4);
  entry_.size = wide ? Le64(d + 12) : Le32(d + 8);
  hold_.clear();
  return CompleteEntry();
}

Status ZipReader::FinishData() {
  if (entry_.has_descriptor()) {
    state_ = State::kDescriptor;
    return Status::Ok();
  }
  return CompleteEntry();
}

Status ZipReader::CompleteEntry() {
  if (wanted_ && (entry_.produced != entry_.size || entry_.actual_crc != entry_.crc ||
                  entry_.consumed != entry_.compressed)) {
    context_.diagnostics->Add(
        "ingest.zip.bad_checksum", base::Severity::kWarning,
        "An entry of the zip does not match its recorded checksum or size (first: " +
            Quoted(entry_.name) + "): the archive may be damaged. It was read as it is.",
        AtEntry());
  }
  EndEntryReader();
  state_ = State::kSignature;
  return Status::Ok();
}

// Every inflated or stored byte of an entry passes here: limits, checksum, delivery. The bytes
// are cut at every kZipPieceBytes of the entry's output and the limits are checked at those
// points, so what a reader receives before a limit stops the input does not depend on the split
// (up to the few bytes inflate reads ahead, for the ratio).
Status ZipReader::Output(std::string_view bytes) {
  while (!bytes.empty()) {
    const size_t room = kZipPieceBytes - entry_.produced % kZipPieceBytes;
    const std::string_view piece = bytes.substr(0, room);
    bytes.remove_prefix(piece.size());
    if (inflated_ + piece.size() > limits_.max_inflated_bytes) {
      return Error(StatusCode::kLimitExceeded, "ingest.zip.too_large",
                   ZipName() + " inflates to more than " + SizeText(limits_.max_inflated_bytes) +
                       ", beyond the safety limit: this is not an export meshcheck can read "
                       "whole." +
                       kUnzipAdvice)
          .At(AtEntry());
    }
    entry_.produced += piece.size();
    inflated_ += piece.size();
    if (wanted_) {
      entry_.actual_crc = static_cast<uint32_t>(crc32(entry_.actual_crc,
                                                      reinterpret_cast<const Bytef*>(piece.data()),
                                                      static_cast<uInt>(piece.size())));
      Deliver(piece);
    }
    if (entry_.produced % kZipPieceBytes == 0 && entry_.produced > limits_.ratio_floor_bytes &&
        entry_.produced / std::max<uint64_t>(entry_.consumed, 1) >= limits_.max_ratio) {
      return Error(StatusCode::kLimitExceeded, "ingest.zip.bomb",
                   ZipName() + ": entry " + Quoted(entry_.name) + " inflates to more than " +
                       std::to_string(limits_.max_ratio) +
                       " times its compressed size. That is how zip bombs look, not exports, so "
                       "meshcheck stopped." +
                       kUnzipAdvice)
          .At(AtEntry());
    }
  }
  return Status::Ok();
}

void ZipReader::Deliver(std::string_view bytes) {
  if (!entry_reader_) {
    const size_t k = std::min(kSignatureBytes - lead_.size(), bytes.size());
    lead_.append(bytes.substr(0, k));
    bytes.remove_prefix(k);
    if (lead_.size() < kSignatureBytes || !OpenEntryReader())
      return;
  }
  if (bytes.empty())
    return;
  Status s = entry_reader_->Push(bytes);
  if (!s.ok())
    DropEntry(s);
}

// Creates the entry's reader and hands it the held-back first bytes; false if the entry is a
// nested zip or its reader refused them.
bool ZipReader::OpenEntryReader() {
  if (IsZipMagic(lead_)) {
    wanted_ = false;
    Note("ingest.zip.nested_zip",
         "A zip inside the zip was not opened (first: " + Quoted(entry_.name) +
             "). Unzip it and give meshcheck the export's files.");
    return false;
  }
  ReaderContext entry_context = context_;
  entry_context.name = entry_.name;
  entry_reader_ = make_entry_(entry_context);
  const Status s = entry_reader_ ? entry_reader_->Push(lead_)
                                 : Status(StatusCode::kInternal, "ingest.zip.no_entry_reader",
                                          "no reader was made for it");
  lead_.clear();
  if (!s.ok()) {
    DropEntry(s);
    return false;
  }
  return true;
}

// The entry's data is over (or the archive ends inside it): ends its reader.
void ZipReader::EndEntryReader() {
  if (!wanted_ || (!entry_reader_ && !OpenEntryReader()))
    return;
  const Status s = entry_reader_->End();
  if (!s.ok()) {
    DropEntry(s);
    return;
  }
  entry_reader_.reset();
  wanted_ = false;
  ++read_;
}

// Stops reading the entry: no reader claims it, or its reader failed.
void ZipReader::DropEntry(const Status& status) {
  entry_reader_.reset();
  wanted_ = false;
  lead_.clear();
  if (IsNotAnExport(status)) {
    ++unclaimed_;
    if (unclaimed_examples_.size() < kExampleNames)
      unclaimed_examples_.push_back(entry_.name);
    return;
  }
  ++failed_;
  const std::string what = Quoted(entry_.name) + ": " + status.message();
  if (first_failure_.empty())
    first_failure_ = what;
  context_.diagnostics->Add(
      "ingest.zip.entry_failed", base::Severity::kWarning,
      "An entry of the zip could not be read and was skipped (first: " + what + ")", AtEntry());
}

void ZipReader::Note(const char* id, const std::string& message) {
  ++passed_over_;
  context_.diagnostics->Add(id, base::Severity::kWarning, message, AtEntry());
}

Status ZipReader::End() {
  if (!error_.ok())
    return error_;
  Status s = state_ == State::kDone ? Summarize() : Truncated();
  state_ = State::kDone;
  if (!s.ok())
    error_ = s;
  return s;
}

// The archive ends before its central directory.
Status ZipReader::Truncated() {
  const bool inside = state_ != State::kSignature || !hold_.empty();
  if (read_ == 0) {
    entry_reader_.reset();
    wanted_ = false;
    return Error(StatusCode::kParseError, "ingest.zip.truncated",
                 ZipName() + " ends early (after " + SizeText(offset_) +
                     "), before any export file in it could be read: the file is incomplete. "
                     "Download or copy it again.");
  }
  if (inside)
    EndEntryReader();  // What the partial entry held is kept.
  context_.diagnostics->Add(
      "ingest.zip.truncated", base::Severity::kWarning,
      ZipName() + " ends early (after " + SizeText(offset_) +
          (inside ? ", inside " + Quoted(entry_.name) : std::string()) +
          "): it is incomplete. The entries before that point were read; download or copy the "
          "file again to read all of it.",
      Here());
  return Summarize();
}

Status ZipReader::Summarize() {
  if (unclaimed_ > 0) {
    std::string examples;
    for (const std::string& name : unclaimed_examples_)
      examples += (examples.empty() ? "" : ", ") + Quoted(name);
    context_.diagnostics->Add("ingest.zip.skipped_entries", base::Severity::kInfo,
                              "Files in the zip that are not exports meshcheck reads (media, "
                              "documents, canvases) were skipped, for example " +
                                  examples + ".",
                              Location{context_.input, 0, 0}, unclaimed_);
  }
  if (read_ == 0)
    return NoExport();
  context_.diagnostics->Add("ingest.zip.entries_read", base::Severity::kInfo,
                            "Files read from the zip.", Location{context_.input, 0, 0}, read_);
  return Status::Ok();
}

Status ZipReader::NoExport() const {
  std::string what;
  if (files_ == 0) {
    what = ZipName() + " holds no files (only folders or hidden files).";
  } else {
    what = ZipName() + " holds " + base::Plural(files_, "file", "files") +
           " and none is an export meshcheck reads:";
    std::string parts;
    const auto add = [&](const std::string& part) { parts += (parts.empty() ? " " : "; ") + part; };
    if (unclaimed_ > 0) {
      std::string examples;
      for (const std::string& name : unclaimed_examples_)
        examples += (examples.empty() ? "" : ", ") + Quoted(name);
      add(base::Plural(unclaimed_, "is", "are") + " of no format meshcheck knows (" + examples +
          ")");
    }
    if (failed_ > 0)
      add(std::to_string(failed_) + " could not be read (" + first_failure_ + ")");
    if (passed_over_ > 0)
      add(base::Plural(passed_over_, "was", "were") +
          " passed over (encrypted, an unsupported compression, or a zip inside the zip)");
    what += parts + ".";
  }
  return Error(StatusCode::kUnsupportedFormat, "ingest.zip.no_export",
               what + " Zip the export's own files, or give meshcheck those files directly.");
}

Status ZipReader::Error(StatusCode code, const char* id, const std::string& message) const {
  return Status(code, id, message, Here());
}

}  // namespace

std::unique_ptr<Reader> MakeZipReader(const ReaderContext& context) {
  return MakeZipReader(context, [](const ReaderContext& entry_context) {
    return std::make_unique<InputReader>(entry_context, Format::kAuto);
  });
}

std::unique_ptr<Reader> MakeZipReader(const ReaderContext& context,
                                      ZipEntryReaderFactory make_entry_reader,
                                      const ZipLimits& limits) {
  return std::make_unique<ZipReader>(context, std::move(make_entry_reader), limits);
}

}  // namespace meshcheck::ingest
