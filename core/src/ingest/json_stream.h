// JsonTokenizer: an incremental (push) JSON tokenizer that emits SAX events shaped like
// nlohmann::json_sax, so a format reader is a small state machine over events.
//
// Contracts:
// - Push(chunk) may be called with any split of the input: mid-token, mid-escape, mid-UTF-8
//   sequence. The events (and errors) never depend on the split.
// - String and key views passed to the handler are valid only during the call.
// - The first error stops the tokenizer: every later Push/Finish returns false and error()
//   keeps the first error. A handler returning false stops it the same way (kAborted).
// - Finish() must be called once after the last chunk; it completes a number that ends the
//   input and reports an incomplete document as kTruncated.
// - Memory: O(depth + longest token), never O(input).
//
// Handler concept (names and meaning as in nlohmann::json_sax; every method returns bool,
// false = stop):
//   null(), boolean(bool), number_integer(int64_t), number_unsigned(uint64_t),
//   number_float(double, std::string_view raw), string(std::string_view),
//   start_object(), key(std::string_view), end_object(), start_array(), end_array().
// Numbers follow nlohmann: a negative integer is number_integer, a non-negative integer is
// number_unsigned, and an integer that overflows 64 bits or any number with a fraction or an
// exponent is number_float.
#pragma once

#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include "base/utf8.h"

namespace meshcheck::ingest {

struct JsonLimits {
  uint32_t max_depth = 256;                  // Nesting of objects and arrays.
  uint64_t max_token_bytes = 64ull << 20;    // Longest string, key or number.
  bool multiple_values = false;              // Accept a stream of top-level values (NDJSON).
  // Invalid UTF-8 and lone surrogate escapes: replaced by U+FFFD and counted (true), or an
  // error (false, as nlohmann does).
  bool repair_utf8 = true;
};

enum class JsonErrorKind : uint8_t {
  kNone,
  kSyntax,       // Unexpected byte.
  kDepth,        // max_depth exceeded.
  kTokenSize,    // max_token_bytes exceeded.
  kBadString,    // Control character, bad escape, or (strict mode) invalid UTF-8.
  kBadNumber,    // Number grammar.
  kTruncated,    // Input ended inside the document (or was empty).
  kAborted,      // The handler returned false.
};

struct JsonError {
  JsonErrorKind kind = JsonErrorKind::kNone;
  uint64_t offset = 0;  // Byte offset of the offending byte (or of the end, for kTruncated).
  uint64_t line = 1;    // 1-based line of that byte.
  std::string message;
};

namespace json_internal {

inline constexpr uint64_t kOnes = 0x0101010101010101ULL;
inline constexpr uint64_t kHighs = 0x8080808080808080ULL;

// Bytes in `w` that are '"', '\\' or < 0x20, as high bits. Exact for the lowest set bit, which
// is all the caller uses.
inline uint64_t SpecialStringBytes(uint64_t w) {
  const uint64_t quote = w ^ (kOnes * '"');
  const uint64_t slash = w ^ (kOnes * '\\');
  const uint64_t eq = ((quote - kOnes) & ~quote) | ((slash - kOnes) & ~slash);
  const uint64_t ctl = (w - kOnes * 0x20) & ~w;
  return (eq | ctl) & kHighs;
}

inline int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

}  // namespace json_internal

template <class Handler>
class JsonTokenizer {
 public:
  explicit JsonTokenizer(Handler* handler, JsonLimits limits = {})
      : handler_(handler), limits_(limits) {}

  bool Push(std::string_view chunk);
  bool Finish();

  const JsonError& error() const { return error_; }
  bool failed() const { return error_.kind != JsonErrorKind::kNone; }
  uint64_t offset() const { return consumed_; }  // Bytes consumed so far.
  uint64_t line() const { return line_; }
  size_t depth() const { return stack_.size(); }
  // Top-level values completed (1 for a single document).
  uint64_t values() const { return values_; }
  // Invalid UTF-8 sequences and lone surrogates replaced (repair_utf8 mode).
  uint64_t repaired_utf8() const { return repaired_utf8_; }

 private:
  enum class Expect : uint8_t {
    kValue,         // A value (top level, after ':' or after ',' in an array).
    kValueOrClose,  // After '['.
    kKeyOrClose,    // After '{'.
    kKey,           // After ',' in an object.
    kColon,
    kCommaOrClose,
    kEnd,           // A complete top-level value; only whitespace may follow.
  };
  enum class Token : uint8_t { kNone, kString, kKey, kNumber, kLiteral };

  bool Fail(JsonErrorKind kind, uint64_t at, std::string message) {
    if (!failed()) {
      error_ = {kind, at, line_, std::move(message)};
    }
    return false;
  }
  bool Abort() { return Fail(JsonErrorKind::kAborted, consumed_, "stopped by the reader"); }
  bool Unexpected(char c, uint64_t at);

  // Scans the rest of a string whose opening quote was already consumed. On return, either the
  // closing quote was found (returns the byte after it) or the chunk ended (returns end, with
  // the raw bytes appended to pending_).
  const char* ScanString(const char* p, const char* end, uint64_t p_offset, bool* closed);
  bool EmitString(std::string_view raw, bool is_key, uint64_t at);
  bool EmitNumber(std::string_view raw, uint64_t at);
  bool EmitLiteral(std::string_view raw, uint64_t at);
  bool AfterValue();
  bool Open(bool is_object, uint64_t at);
  bool Close(bool is_object, char c, uint64_t at);
  bool FinishToken(const char* begin, const char* stop);

  Handler* handler_;
  JsonLimits limits_;
  JsonError error_;
  std::vector<uint8_t> stack_;  // 1 = object, 0 = array.
  Expect expect_ = Expect::kValue;
  Token token_ = Token::kNone;  // A token split across chunks.
  bool token_escape_ = false;   // String scan: the previous byte was an unescaped backslash.
  bool token_has_escape_ = false;
  bool token_has_high_ = false;
  bool started_ = false;        // A non-BOM byte was seen.
  uint8_t bom_seen_ = 0;        // Bytes of a leading UTF-8 BOM matched so far.
  uint64_t token_start_ = 0;    // Offset of the split token's first byte.
  std::string pending_;         // Raw bytes of the split token.
  std::string scratch_;         // Unescaped string.
  uint64_t consumed_ = 0;
  uint64_t line_ = 1;
  uint64_t values_ = 0;
  uint64_t repaired_utf8_ = 0;
};

// ------------------------------------------------------------------------------------------
// Implementation.

template <class Handler>
bool JsonTokenizer<Handler>::Unexpected(char c, uint64_t at) {
  std::string shown;
  const auto u = static_cast<unsigned char>(c);
  if (u >= 0x20 && u < 0x7F) {
    shown = std::string("'") + c + "'";
  } else {
    static constexpr char kHex[] = "0123456789abcdef";
    shown = std::string("byte 0x") + kHex[u >> 4] + kHex[u & 15];
  }
  const char* wanted = "a value";
  switch (expect_) {
    case Expect::kValue:
      wanted = "a value";
      break;
    case Expect::kValueOrClose:
      wanted = "a value or ']'";
      break;
    case Expect::kKeyOrClose:
      wanted = "a key or '}'";
      break;
    case Expect::kKey:
      wanted = "a key";
      break;
    case Expect::kColon:
      wanted = "':'";
      break;
    case Expect::kCommaOrClose:
      wanted = stack_.back() ? "',' or '}'" : "',' or ']'";
      break;
    case Expect::kEnd:
      wanted = "the end of the document";
      break;
  }
  return Fail(JsonErrorKind::kSyntax, at, "unexpected " + shown + ", expected " + wanted);
}

template <class Handler>
bool JsonTokenizer<Handler>::AfterValue() {
  if (stack_.empty()) {
    ++values_;
    expect_ = limits_.multiple_values ? Expect::kValue : Expect::kEnd;
  } else {
    expect_ = Expect::kCommaOrClose;
  }
  return true;
}

template <class Handler>
bool JsonTokenizer<Handler>::Open(bool is_object, uint64_t at) {
  if (stack_.size() >= limits_.max_depth) {
    return Fail(JsonErrorKind::kDepth, at,
                "nesting deeper than " + std::to_string(limits_.max_depth) + " levels");
  }
  stack_.push_back(is_object ? 1 : 0);
  expect_ = is_object ? Expect::kKeyOrClose : Expect::kValueOrClose;
  return (is_object ? handler_->start_object() : handler_->start_array()) || Abort();
}

template <class Handler>
bool JsonTokenizer<Handler>::Close(bool is_object, char c, uint64_t at) {
  const bool ok_here = !stack_.empty() && stack_.back() == (is_object ? 1 : 0) &&
                       (expect_ == Expect::kCommaOrClose ||
                        expect_ == (is_object ? Expect::kKeyOrClose : Expect::kValueOrClose));
  if (!ok_here) {
    return Unexpected(c, at);
  }
  stack_.pop_back();
  if (!(is_object ? handler_->end_object() : handler_->end_array())) {
    return Abort();
  }
  return AfterValue();
}

template <class Handler>
const char* JsonTokenizer<Handler>::ScanString(const char* p, const char* end, uint64_t p_offset,
                                               bool* closed) {
  using namespace json_internal;
  const char* start = p;
  bool high = false;
  while (p < end) {
    if (token_escape_) {
      token_escape_ = false;
      ++p;
      continue;
    }
    while (end - p >= 8) {
      uint64_t w;
      std::memcpy(&w, p, 8);
      high |= (w & kHighs) != 0;
      const uint64_t special = SpecialStringBytes(w);
      if (special != 0) {
        p += __builtin_ctzll(special) >> 3;
        break;
      }
      p += 8;
    }
    if (p >= end) {
      break;
    }
    const auto c = static_cast<unsigned char>(*p);
    if (c == '"') {
      token_has_high_ |= high;
      *closed = true;
      return p + 1;
    }
    if (c == '\\') {
      token_has_escape_ = true;
      token_escape_ = true;
    } else if (c >= 0x80) {
      high = true;
    } else if (c < 0x20) {
      token_has_high_ |= high;
      *closed = false;
      Fail(JsonErrorKind::kBadString, p_offset + static_cast<uint64_t>(p - start),
           "control character in a string (it must be escaped)");
      return nullptr;
    }
    ++p;
  }
  token_has_high_ |= high;
  *closed = false;
  return end;
}

template <class Handler>
bool JsonTokenizer<Handler>::EmitString(std::string_view raw, bool is_key, uint64_t at) {
  // `raw` excludes both quotes.
  if (raw.size() > limits_.max_token_bytes) {
    return Fail(JsonErrorKind::kTokenSize, at,
                "a string longer than " + std::to_string(limits_.max_token_bytes) + " bytes");
  }
  std::string_view text = raw;
  if (token_has_high_ && base::FindInvalidUtf8(raw) != base::kUtf8Valid) {
    if (!limits_.repair_utf8) {
      return Fail(JsonErrorKind::kBadString, at + 1 + base::FindInvalidUtf8(raw),
                  "invalid UTF-8 in a string");
    }
    std::string repaired;
    repaired_utf8_ += base::AppendRepairedUtf8(raw, &repaired);
    scratch_.swap(repaired);
    text = scratch_;
  }
  if (token_has_escape_) {
    std::string out;
    out.reserve(text.size());
    for (size_t i = 0; i < text.size(); ++i) {
      const char c = text[i];
      if (c != '\\') {
        out.push_back(c);
        continue;
      }
      const char e = text[++i];  // The scanner guarantees a byte after '\\' before the quote.
      switch (e) {
        case '"':
        case '\\':
        case '/':
          out.push_back(e);
          break;
        case 'b':
          out.push_back('\b');
          break;
        case 'f':
          out.push_back('\f');
          break;
        case 'n':
          out.push_back('\n');
          break;
        case 'r':
          out.push_back('\r');
          break;
        case 't':
          out.push_back('\t');
          break;
        case 'u': {
          auto read_hex = [&](size_t pos, uint32_t* cp) {
            if (pos + 4 > text.size()) return false;
            uint32_t v = 0;
            for (size_t k = 0; k < 4; ++k) {
              const int h = json_internal::HexValue(text[pos + k]);
              if (h < 0) return false;
              v = v * 16 + static_cast<uint32_t>(h);
            }
            *cp = v;
            return true;
          };
          uint32_t cp;
          if (!read_hex(i + 1, &cp)) {
            return Fail(JsonErrorKind::kBadString, at + 1 + i, "bad \\u escape in a string");
          }
          i += 4;
          if (cp >= 0xD800 && cp <= 0xDBFF) {
            uint32_t low;
            if (i + 2 < text.size() && text[i + 1] == '\\' && text[i + 2] == 'u' &&
                read_hex(i + 3, &low) && low >= 0xDC00 && low <= 0xDFFF) {
              cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
              i += 6;
            } else if (limits_.repair_utf8) {
              cp = 0xFFFD;
              ++repaired_utf8_;
            } else {
              return Fail(JsonErrorKind::kBadString, at + 1 + i,
                          "unpaired surrogate escape in a string");
            }
          } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
            if (!limits_.repair_utf8) {
              return Fail(JsonErrorKind::kBadString, at + 1 + i,
                          "unpaired surrogate escape in a string");
            }
            cp = 0xFFFD;
            ++repaired_utf8_;
          }
          base::AppendUtf8(cp, &out);
          break;
        }
        default:
          return Fail(JsonErrorKind::kBadString, at + 1 + i, "bad escape in a string");
      }
    }
    scratch_.swap(out);
    text = scratch_;
  }
  const bool ok = is_key ? handler_->key(text) : handler_->string(text);
  return ok || Abort();
}

template <class Handler>
bool JsonTokenizer<Handler>::EmitNumber(std::string_view raw, uint64_t at) {
  // Grammar: -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?
  size_t i = 0;
  const size_t n = raw.size();
  const bool negative = n > 0 && raw[0] == '-';
  i += negative;
  auto digit = [&](size_t k) { return k < n && raw[k] >= '0' && raw[k] <= '9'; };
  auto bad = [&]() {
    return Fail(JsonErrorKind::kBadNumber, at, "malformed number '" + std::string(raw) + "'");
  };
  if (!digit(i)) return bad();
  uint64_t value = 0;
  bool overflow = false;
  if (raw[i] == '0') {
    ++i;
  } else {
    for (; digit(i); ++i) {
      const auto d = static_cast<uint64_t>(raw[i] - '0');
      if (value > (UINT64_MAX - d) / 10) overflow = true;
      value = value * 10 + d;
    }
  }
  bool is_float = false;
  if (i < n && raw[i] == '.') {
    is_float = true;
    ++i;
    if (!digit(i)) return bad();
    while (digit(i)) ++i;
  }
  if (i < n && (raw[i] == 'e' || raw[i] == 'E')) {
    is_float = true;
    ++i;
    if (i < n && (raw[i] == '+' || raw[i] == '-')) ++i;
    if (!digit(i)) return bad();
    while (digit(i)) ++i;
  }
  if (i != n) return bad();
  bool ok;
  if (!is_float && !overflow && !negative) {
    ok = handler_->number_unsigned(value);
  } else if (!is_float && !overflow && value <= uint64_t{INT64_MAX} + 1) {
    ok = handler_->number_integer(value == uint64_t{INT64_MAX} + 1
                                      ? INT64_MIN
                                      : -static_cast<int64_t>(value));
  } else {
    const std::string text(raw);  // NUL-terminated for strtod; the "C" locale is never changed.
    ok = handler_->number_float(std::strtod(text.c_str(), nullptr), raw);
  }
  return ok || Abort();
}

template <class Handler>
bool JsonTokenizer<Handler>::EmitLiteral(std::string_view raw, uint64_t at) {
  bool ok;
  if (raw == "true") {
    ok = handler_->boolean(true);
  } else if (raw == "false") {
    ok = handler_->boolean(false);
  } else if (raw == "null") {
    ok = handler_->null();
  } else {
    return Fail(JsonErrorKind::kSyntax, at, "unknown literal '" + std::string(raw) + "'");
  }
  return ok || Abort();
}

// Completes the split token with chunk bytes [begin, stop) and emits it.
template <class Handler>
bool JsonTokenizer<Handler>::FinishToken(const char* begin, const char* stop) {
  pending_.append(begin, static_cast<size_t>(stop - begin));
  const Token token = token_;
  token_ = Token::kNone;
  bool ok;
  if (token == Token::kString || token == Token::kKey) {
    // pending_ holds the opening quote through the closing quote.
    ok = EmitString(std::string_view(pending_).substr(1, pending_.size() - 2),
                    token == Token::kKey, token_start_);
    if (ok && token == Token::kKey) {
      expect_ = Expect::kColon;
    } else if (ok) {
      ok = AfterValue();
    }
  } else if (token == Token::kNumber) {
    ok = EmitNumber(pending_, token_start_) && AfterValue();
  } else {
    ok = EmitLiteral(pending_, token_start_) && AfterValue();
  }
  pending_.clear();
  return ok;
}

template <class Handler>
bool JsonTokenizer<Handler>::Push(std::string_view chunk) {
  if (failed()) {
    return false;
  }
  const char* const begin = chunk.data();
  const char* const end = begin + chunk.size();
  const char* p = begin;
  auto offset_of = [&](const char* q) { return consumed_ + static_cast<uint64_t>(q - begin); };
  auto is_number_byte = [](char c) {
    return (c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.' || c == 'e' || c == 'E';
  };
  auto is_literal_byte = [](char c) { return c >= 'a' && c <= 'z'; };

  // A leading UTF-8 BOM is skipped, as nlohmann does.
  while (!started_ && p < end) {
    static constexpr char kBom[] = "\xEF\xBB\xBF";
    if (*p == kBom[bom_seen_]) {
      ++p;
      if (++bom_seen_ == 3) {
        started_ = true;
      }
      continue;
    }
    if (bom_seen_ != 0) {
      consumed_ += static_cast<uint64_t>(p - begin);
      return Fail(JsonErrorKind::kSyntax, consumed_, "incomplete byte order mark");
    }
    started_ = true;
  }

  // Resume a token split by the previous chunk.
  if (token_ != Token::kNone && p < end) {
    const char* stop;
    if (token_ == Token::kString || token_ == Token::kKey) {
      bool closed;
      stop = ScanString(p, end, offset_of(p), &closed);
      if (stop == nullptr) {
        return false;
      }
      if (!closed) {
        pending_.append(p, static_cast<size_t>(end - p));
        consumed_ += chunk.size();
        if (pending_.size() > limits_.max_token_bytes + 2) {
          return Fail(JsonErrorKind::kTokenSize, token_start_,
                      "a string longer than " + std::to_string(limits_.max_token_bytes) +
                          " bytes");
        }
        return true;
      }
    } else {
      const bool number = token_ == Token::kNumber;
      stop = p;
      while (stop < end && (number ? is_number_byte(*stop) : is_literal_byte(*stop))) ++stop;
      if (stop == end) {
        pending_.append(p, static_cast<size_t>(end - p));
        consumed_ += chunk.size();
        if (pending_.size() > limits_.max_token_bytes) {
          return Fail(JsonErrorKind::kTokenSize, token_start_, "a number or literal too long");
        }
        return true;
      }
    }
    if (!FinishToken(p, stop)) {
      return false;
    }
    p = stop;
  }

  while (p < end) {
    const char c = *p;
    if (c == ' ' || c == '\n' || c == '\r' || c == '\t') {
      line_ += c == '\n';
      ++p;
      continue;
    }
    const uint64_t at = offset_of(p);
    switch (c) {
      case '"': {
        const bool is_key = expect_ == Expect::kKeyOrClose || expect_ == Expect::kKey;
        if (!is_key && expect_ != Expect::kValue && expect_ != Expect::kValueOrClose) {
          return Unexpected(c, at);
        }
        token_has_escape_ = false;
        token_has_high_ = false;
        token_escape_ = false;
        bool closed;
        const char* stop = ScanString(p + 1, end, at + 1, &closed);
        if (stop == nullptr) {
          return false;
        }
        if (!closed) {
          token_ = is_key ? Token::kKey : Token::kString;
          token_start_ = at;
          pending_.assign(p, static_cast<size_t>(end - p));
          consumed_ += chunk.size();
          return true;
        }
        if (!EmitString(std::string_view(p + 1, static_cast<size_t>(stop - p - 2)), is_key, at)) {
          return false;
        }
        if (is_key) {
          expect_ = Expect::kColon;
        } else {
          AfterValue();
        }
        p = stop;
        continue;
      }
      case ':':
        if (expect_ != Expect::kColon) return Unexpected(c, at);
        expect_ = Expect::kValue;
        ++p;
        continue;
      case ',':
        if (expect_ != Expect::kCommaOrClose) return Unexpected(c, at);
        expect_ = stack_.back() ? Expect::kKey : Expect::kValue;
        ++p;
        continue;
      case '{':
      case '[':
        if (expect_ != Expect::kValue && expect_ != Expect::kValueOrClose) {
          return Unexpected(c, at);
        }
        if (!Open(c == '{', at)) return false;
        ++p;
        continue;
      case '}':
      case ']':
        if (!Close(c == '}', c, at)) return false;
        ++p;
        continue;
      default:
        break;
    }
    const bool number = c == '-' || (c >= '0' && c <= '9');
    if ((!number && !is_literal_byte(c)) ||
        (expect_ != Expect::kValue && expect_ != Expect::kValueOrClose)) {
      return Unexpected(c, at);
    }
    const char* stop = p + 1;
    while (stop < end && (number ? is_number_byte(*stop) : is_literal_byte(*stop))) ++stop;
    if (stop == end) {
      token_ = number ? Token::kNumber : Token::kLiteral;
      token_start_ = at;
      pending_.assign(p, static_cast<size_t>(end - p));
      consumed_ += chunk.size();
      return true;
    }
    const std::string_view raw(p, static_cast<size_t>(stop - p));
    if (!(number ? EmitNumber(raw, at) : EmitLiteral(raw, at)) || !AfterValue()) {
      return false;
    }
    p = stop;
  }
  consumed_ += chunk.size();
  return true;
}

template <class Handler>
bool JsonTokenizer<Handler>::Finish() {
  if (failed()) {
    return false;
  }
  if (token_ == Token::kNumber || token_ == Token::kLiteral) {
    if (!FinishToken(pending_.data(), pending_.data())) {
      return false;
    }
  }
  if (token_ != Token::kNone) {
    return Fail(JsonErrorKind::kTruncated, consumed_, "the input ends inside a string");
  }
  if (bom_seen_ != 0 && bom_seen_ < 3) {
    return Fail(JsonErrorKind::kTruncated, consumed_, "incomplete byte order mark");
  }
  if (!stack_.empty()) {
    return Fail(JsonErrorKind::kTruncated, consumed_,
                "the input ends inside " + std::to_string(stack_.size()) +
                    " unclosed object(s) or array(s)");
  }
  if (values_ == 0) {
    return Fail(JsonErrorKind::kTruncated, consumed_, "no JSON value in the input");
  }
  return true;
}

}  // namespace meshcheck::ingest
