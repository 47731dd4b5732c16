// The files of a multi-file export (a Slack workspace), each written whole, one at a time: as a
// stored (uncompressed) zip stream, or handed one by one to a callback (a folder on disk, the
// inputs of a Session). A size limit is the writer's to keep: it asks Fits() before it lets a
// file grow, so that the files written and the closing stay within the limit.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

#include "gen/output.h"

namespace meshcheck::gen {

class FileSet {
 public:
  explicit FileSet(uint64_t limit) : limit_(limit) {}
  virtual ~FileSet() = default;

  // Whether a file `path` of `size` bytes can still be added with the set closed after it.
  bool Fits(std::string_view path, uint64_t size) const {
    return limit_ == 0 || bytes() + Overhead(path) + size + ClosingBytes() <= limit_;
  }
  // Adds one whole file. Returns false on a write error (a zip stream reports them at Finish).
  virtual bool Add(std::string_view path, std::string_view bytes) = 0;
  // Closes the set (a zip's central directory). Returns false if any write failed.
  virtual bool Finish() = 0;
  // The bytes written so far (everything, after Finish).
  virtual uint64_t bytes() const = 0;

 protected:
  // Bytes a file adds besides its content, and the bytes Finish adds.
  virtual uint64_t Overhead(std::string_view path) const = 0;
  virtual uint64_t ClosingBytes() const = 0;

 private:
  uint64_t limit_;
};

// A zip archive with every entry stored (not compressed), streamed to `sink`.
class ZipFileSet : public FileSet {
 public:
  ZipFileSet(const Output::Sink& sink, uint64_t limit);

  bool Add(std::string_view path, std::string_view bytes) override;
  bool Finish() override;
  uint64_t bytes() const override { return out_.bytes(); }

 protected:
  uint64_t Overhead(std::string_view path) const override;
  uint64_t ClosingBytes() const override;

 private:
  Output out_;
  std::string central_;  // The central directory, written by Finish.
  uint32_t entries_ = 0;
};

// Each file handed to a callback (path, bytes) that returns false on a write error.
class CallbackFileSet : public FileSet {
 public:
  using Callback = std::function<bool(std::string_view path, std::string_view bytes)>;
  CallbackFileSet(Callback callback, uint64_t limit)
      : FileSet(limit), callback_(std::move(callback)) {}

  bool Add(std::string_view path, std::string_view bytes) override;
  bool Finish() override { return ok_; }
  uint64_t bytes() const override { return bytes_; }

 protected:
  uint64_t Overhead(std::string_view) const override { return 0; }
  uint64_t ClosingBytes() const override { return 0; }

 private:
  Callback callback_;
  uint64_t bytes_ = 0;
  bool ok_ = true;
};

}  // namespace meshcheck::gen
