#include "gen/file_set.h"

#include <array>

namespace meshcheck::gen {
namespace {

constexpr uint64_t kLocalHeaderBytes = 30;
constexpr uint64_t kCentralHeaderBytes = 46;
constexpr uint64_t kEndRecordBytes = 22;
constexpr uint16_t kVersion = 20;        // 2.0: the version that reads stored entries.
constexpr uint16_t kUtf8Names = 0x0800;  // General purpose flag bit 11.
constexpr uint16_t kDosDate = (44 << 9) | (1 << 5) | 1;  // 2024-01-01 (years since 1980).

uint32_t Crc32(std::string_view bytes) {
  static const std::array<uint32_t, 256> kTable = [] {
    std::array<uint32_t, 256> table{};
    for (uint32_t n = 0; n < 256; ++n) {
      uint32_t c = n;
      for (int k = 0; k < 8; ++k)
        c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
      table[n] = c;
    }
    return table;
  }();
  uint32_t crc = 0xFFFFFFFFu;
  for (const char ch : bytes)
    crc = kTable[(crc ^ static_cast<unsigned char>(ch)) & 0xFF] ^ (crc >> 8);
  return crc ^ 0xFFFFFFFFu;
}

void Put16(uint32_t v, std::string* out) {
  out->push_back(static_cast<char>(v & 0xFF));
  out->push_back(static_cast<char>((v >> 8) & 0xFF));
}

void Put32(uint32_t v, std::string* out) {
  Put16(v & 0xFFFF, out);
  Put16(v >> 16, out);
}

// The fields local and central headers share, from "version needed" to the name's length.
void PutCommon(uint32_t crc, uint32_t size, size_t name_size, std::string* out) {
  Put16(kVersion, out);
  Put16(kUtf8Names, out);
  Put16(0, out);  // Stored.
  Put16(0, out);  // Time 00:00.
  Put16(kDosDate, out);
  Put32(crc, out);
  Put32(size, out);  // Compressed size.
  Put32(size, out);
  Put16(static_cast<uint32_t>(name_size), out);
}

}  // namespace

ZipFileSet::ZipFileSet(const Output::Sink& sink, uint64_t limit) : FileSet(limit), out_(sink) {}

uint64_t ZipFileSet::Overhead(std::string_view path) const {
  return kLocalHeaderBytes + kCentralHeaderBytes + 2 * path.size();
}

uint64_t ZipFileSet::ClosingBytes() const {
  return central_.size() + kEndRecordBytes;
}

bool ZipFileSet::Add(std::string_view path, std::string_view bytes) {
  const uint32_t crc = Crc32(bytes);
  const auto size = static_cast<uint32_t>(bytes.size());
  const auto offset = static_cast<uint32_t>(out_.bytes());
  std::string& b = out_.buffer();
  const size_t mark = out_.Mark();
  Put32(0x04034b50, &b);
  PutCommon(crc, size, path.size(), &b);
  Put16(0, &b);  // Extra field length.
  b.append(path);
  b.append(bytes);
  out_.Commit(mark, 0);

  Put32(0x02014b50, &central_);
  Put16(kVersion, &central_);  // Made by (MS-DOS attributes).
  PutCommon(crc, size, path.size(), &central_);
  Put16(0, &central_);  // Extra field length.
  Put16(0, &central_);  // Comment length.
  Put16(0, &central_);  // Disk number.
  Put16(0, &central_);  // Internal attributes.
  Put32(0, &central_);  // External attributes.
  Put32(offset, &central_);
  central_.append(path);
  ++entries_;
  return true;
}

bool ZipFileSet::Finish() {
  const auto offset = static_cast<uint32_t>(out_.bytes());
  std::string& b = out_.buffer();
  b.append(central_);
  Put32(0x06054b50, &b);
  Put16(0, &b);  // This disk.
  Put16(0, &b);  // The central directory's disk.
  Put16(entries_, &b);
  Put16(entries_, &b);
  Put32(static_cast<uint32_t>(central_.size()), &b);
  Put32(offset, &b);
  Put16(0, &b);  // Comment length.
  central_.clear();
  return out_.Finish();
}

bool CallbackFileSet::Add(std::string_view path, std::string_view bytes) {
  ok_ = ok_ && callback_(path, bytes);
  bytes_ += bytes.size();
  return ok_;
}

}  // namespace meshcheck::gen
