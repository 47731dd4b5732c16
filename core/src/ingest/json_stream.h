// JsonTokenizer: an incremental (push) JSON tokenizer that emits SAX events shaped like
// nlohmann::json_sax, so a format reader is a small state machine over events.
//
// Contracts:
// - Push(chunk) may be called with any split of the input: mid-token, mid-escape, mid-UTF-8
//   sequence. The events, their event_offset(), and errors (kind, offset, line, message) never
//   depend on the split.
// - String and key views passed to the handler are valid only during the call. A string that
//   lies within one chunk and has no escape and no invalid UTF-8 is passed without a copy: a view
//   into the chunk itself (so valid as long as the chunk is).
// - The first error stops the tokenizer: every later Push/Finish returns false and error()
//   keeps the first error. A handler returning false stops it the same way (kAborted, located
//   at the token whose event returned false).
// - Finish() must be called once after the last chunk; it completes a number or literal that
//   ends the input and reports an incomplete document as kTruncated.
// - Memory: O(depth + longest token), never O(input).
//
// Grammar: RFC 8259, as nlohmann's strict parser (JSONTestSuite: every y_ case accepted, every
// n_ case rejected). A leading UTF-8 BOM is skipped. Numbers outside the range of a double
// (1e400) are rejected, as nlohmann does.
//
// Limits and errors, located at the byte they name:
// - kDepth at the bracket that opens level max_depth + 1.
// - kTokenSize at the first byte of a string, key or number whose raw bytes (between the quotes,
//   escapes as written) exceed max_token_bytes. The size is judged before the bytes that follow
//   the first max_token_bytes + 1, so an over-long string is kTokenSize even if it is also
//   malformed later on, or cut off.
// - kBadString at a raw control character, at the backslash of a bad escape or of an unpaired
//   surrogate escape (strict mode), or at the first byte of invalid UTF-8 (strict mode).
// - kBadNumber and unknown literals (kSyntax) at the token's first byte.
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

#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "base/utf8.h"
#include "ingest/limits.h"

namespace meshcheck::ingest {

struct JsonLimits {
  uint32_t max_depth = kJsonMaxDepth;             // Nesting of objects and arrays.
  uint64_t max_token_bytes = kJsonMaxTokenBytes;  // Longest string, key or number (raw bytes).
  bool multiple_values = false;                   // Accept a stream of top-level values (NDJSON).
  // Invalid UTF-8 and lone surrogate escapes: replaced by U+FFFD and counted (true), or an
  // error (false, as nlohmann does).
  bool repair_utf8 = true;
};

enum class JsonErrorKind : uint8_t {
  kNone,
  kSyntax,     // Unexpected byte or unknown literal.
  kDepth,      // max_depth exceeded.
  kTokenSize,  // max_token_bytes exceeded.
  kBadString,  // Control character, bad escape, or (strict mode) invalid UTF-8.
  kBadNumber,  // Number grammar, or a number beyond the range of a double.
  kTruncated,  // Input ended inside the document (or was empty).
  kAborted,    // The handler returned false.
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

// Skips string bytes that need no attention, a block at a time: returns the first '"', '\\' or
// control byte at or after p, or an earlier byte among the last 7 before end (the caller goes on
// byte by byte). ORs the bytes seen (and possibly a few after the one returned) into *highs, or
// sets kHighs there: enough to tell whether a byte >= 0x80 may be among them. SSE2 where the
// target has it (16 bytes a step), else 8 bytes a step in a 64-bit word.
inline const char* SkipPlainStringBytes(const char* p, const char* end, uint64_t* highs) {
#if defined(__SSE2__)
  const __m128i quote = _mm_set1_epi8('"');
  const __m128i slash = _mm_set1_epi8('\\');
  const __m128i below_space = _mm_set1_epi8(0x1F);
  __m128i seen = _mm_setzero_si128();
  int special = 0;
  while (end - p >= 16) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
    seen = _mm_or_si128(seen, v);
    const __m128i control = _mm_cmpeq_epi8(_mm_min_epu8(v, below_space), v);
    special = _mm_movemask_epi8(
        _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, quote), _mm_cmpeq_epi8(v, slash)), control));
    if (special != 0)
      break;
    p += 16;
  }
  if (_mm_movemask_epi8(seen) != 0)
    *highs |= kHighs;
  if (special != 0)
    return p + __builtin_ctz(static_cast<unsigned>(special));
#endif
  while (end - p >= 8) {
    uint64_t w;
    std::memcpy(&w, p, 8);
    *highs |= w;
    const uint64_t found = SpecialStringBytes(w);
    if (found != 0)
      return p + (__builtin_ctzll(found) >> 3);
    p += 8;
  }
  return p;
}

// The first byte at or after p that is not ' ', or end. Eight bytes at a time (little-endian
// loads, as SpecialStringBytes' callers).
inline const char* SkipSpaces(const char* p, const char* end) {
  while (end - p >= 8) {
    uint64_t w;
    std::memcpy(&w, p, 8);
    const uint64_t other = w ^ (kOnes * ' ');
    if (other != 0)
      return p + (__builtin_ctzll(other) >> 3);
    p += 8;
  }
  while (p < end && *p == ' ')
    ++p;
  return p;
}

inline int HexValue(char c) {
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 'a' && c <= 'f')
    return c - 'a' + 10;
  if (c >= 'A' && c <= 'F')
    return c - 'A' + 10;
  return -1;
}

// The 4 hex digits at text[pos], or false.
inline bool ReadHex4(std::string_view text, size_t pos, uint32_t* value) {
  if (pos + 4 > text.size())
    return false;
  uint32_t v = 0;
  for (size_t k = 0; k < 4; ++k) {
    const int h = HexValue(text[pos + k]);
    if (h < 0)
      return false;
    v = v * 16 + static_cast<uint32_t>(h);
  }
  *value = v;
  return true;
}

inline bool IsDigit(char c) {
  return c >= '0' && c <= '9';
}

// Bytes that continue a number token (the grammar is checked once the token is complete).
inline bool IsNumberByte(char c) {
  return IsDigit(c) || c == '-' || c == '+' || c == '.' || c == 'e' || c == 'E';
}

// Bytes that continue a literal token ("truex" is one unknown literal, not true + x).
inline bool IsWordByte(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || IsDigit(c) || c == '_';
}

// Whether p (at least literal.size() bytes) starts with `literal`: "true", "false" or "null".
// Fixed-size compares rather than a call to memcmp.
inline bool StartsWithLiteral(const char* p, std::string_view literal) {
  uint32_t have, want;
  std::memcpy(&have, p, 4);
  std::memcpy(&want, literal.data(), 4);
  return have == want && (literal.size() == 4 || p[4] == literal[4]);
}

// A token quoted in an error message, cut to a readable length.
inline std::string Quoted(std::string_view raw) {
  constexpr size_t kShown = 40;
  std::string out = "'";
  out.append(raw.substr(0, kShown));
  out.append(raw.size() > kShown ? "...'" : "'");
  return out;
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
  // During a handler call: the line of the token being reported.
  uint64_t line() const { return line_; }
  // During a handler call: the byte offset of the token being reported (the opening quote of a
  // string or key, the first byte of a number or literal, the bracket of start/end events).
  uint64_t event_offset() const { return event_offset_; }
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
    kEnd,  // A complete top-level value; only whitespace may follow.
  };
  // The token being read; kNone between tokens. A token split across chunks stays set.
  enum class Token : uint8_t { kNone, kString, kKey, kNumber, kLiteral };

  uint64_t OffsetOf(const char* p) const { return consumed_ + static_cast<uint64_t>(p - chunk_); }
  bool ExpectsValue() const {
    return expect_ == Expect::kValue || expect_ == Expect::kValueOrClose;
  }
  bool Fail(JsonErrorKind kind, uint64_t at, std::string message) {
    if (!failed()) {
      error_ = {kind, at, line_, std::move(message)};
    }
    return false;
  }
  bool Abort() { return Fail(JsonErrorKind::kAborted, event_offset_, "stopped by the reader"); }
  bool Unexpected(char c, uint64_t at);
  bool TooLong();

  bool AfterValue();
  void Comma() { expect_ = stack_.back() ? Expect::kKey : Expect::kValue; }
  // Where a key's ':' or a value's ',' follows it at once (as exporters write them), takes it
  // without a trip through the main loop; returns where scanning goes on.
  const char* TakeSeparator(const char* p, const char* end);
  bool Open(bool is_object, uint64_t at);
  bool Close(bool is_object, char c, uint64_t at);

  // Token readers. Each consumes the token's bytes from p. When the token ends in the chunk it
  // is emitted and *next points past it; otherwise its bytes are kept in pending_ (a literal
  // keeps only its match count) and *next is end. Return false on error.
  void StartToken(Token token, uint64_t at);
  bool ContinueToken(const char* p, const char* end, const char** next);
  // Inlined: it runs for every string and key.
  [[gnu::always_inline]] bool ContinueString(const char* p, const char* end, const char** next);
  bool ContinueNumber(const char* p, const char* end, const char** next);
  bool ContinueLiteral(const char* p, const char* end, const char** next);
  // The first unescaped '"' or control byte at or after p, or end.
  [[gnu::always_inline]] const char* ScanString(const char* p, const char* end);

  // A string is passed as is unless it has escapes or bytes >= 0x80: those take the slow path
  // (kept out of line, so the common path stays small).
  bool EmitString(std::string_view raw) {
    return token_has_escape_ || token_has_high_ ? EmitDecodedString(raw) : Deliver(raw);
  }
  [[gnu::noinline]] bool EmitDecodedString(std::string_view raw);
  // Passes a complete string or key, `text` as the handler sees it. Inlined: a call per string
  // would cost more than most handlers' work on it.
  [[gnu::always_inline]] bool Deliver(std::string_view text);
  bool Unescape(std::string_view raw, std::string* out);
  bool EmitNumber(std::string_view raw);
  bool EmitLiteral();

  static constexpr std::string_view kTrue = "true", kFalse = "false", kNull = "null";

  Handler* handler_;
  JsonLimits limits_;
  JsonError error_;
  std::vector<uint8_t> stack_;  // 1 = object, 0 = array.
  Expect expect_ = Expect::kValue;
  Token token_ = Token::kNone;
  bool token_escape_ = false;  // String scan: the previous byte was an unescaped backslash.
  bool token_has_escape_ = false;
  bool token_has_high_ = false;
  bool started_ = false;         // A non-BOM byte was seen.
  uint8_t bom_seen_ = 0;         // Bytes of a leading UTF-8 BOM matched so far.
  std::string_view literal_;     // The literal being matched ("true", "false", "null").
  uint8_t literal_matched_ = 0;  // Its bytes matched so far.
  uint64_t token_start_ = 0;     // Offset of the current token's first byte.
  uint64_t event_offset_ = 0;
  const char* chunk_ = nullptr;  // The chunk being pushed.
  std::string pending_;    // Raw bytes of a split string (without the opening quote) or number.
  std::string unescaped_;  // Reused buffers: a string's decoded escapes, its repaired UTF-8.
  std::string repaired_;
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
bool JsonTokenizer<Handler>::TooLong() {
  const char* what = token_ == Token::kNumber ? "a number" : "a string";
  return Fail(
      JsonErrorKind::kTokenSize, token_start_,
      std::string(what) + " longer than " + std::to_string(limits_.max_token_bytes) + " bytes");
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
const char* JsonTokenizer<Handler>::TakeSeparator(const char* p, const char* end) {
  if (p == end)
    return p;
  if (*p == ':' && expect_ == Expect::kColon) {
    expect_ = Expect::kValue;
    return end - p >= 2 && p[1] == ' ' ? p + 2 : p + 1;  // The space pretty-printers add.
  }
  if (*p == ',' && expect_ == Expect::kCommaOrClose) {
    Comma();
    return p + 1;
  }
  return p;
}

template <class Handler>
bool JsonTokenizer<Handler>::Open(bool is_object, uint64_t at) {
  if (stack_.size() >= limits_.max_depth) {
    return Fail(JsonErrorKind::kDepth, at,
                "nesting deeper than " + std::to_string(limits_.max_depth) + " levels");
  }
  stack_.push_back(is_object ? 1 : 0);
  expect_ = is_object ? Expect::kKeyOrClose : Expect::kValueOrClose;
  event_offset_ = at;
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
  event_offset_ = at;
  if (!(is_object ? handler_->end_object() : handler_->end_array())) {
    return Abort();
  }
  return AfterValue();
}

template <class Handler>
void JsonTokenizer<Handler>::StartToken(Token token, uint64_t at) {
  token_ = token;
  token_start_ = at;
  pending_.clear();
}

template <class Handler>
bool JsonTokenizer<Handler>::ContinueToken(const char* p, const char* end, const char** next) {
  switch (token_) {
    case Token::kString:
    case Token::kKey:
      return ContinueString(p, end, next);
    case Token::kNumber:
      return ContinueNumber(p, end, next);
    case Token::kLiteral:
      return ContinueLiteral(p, end, next);
    case Token::kNone:
      break;
  }
  *next = p;
  return true;
}

template <class Handler>
inline const char* JsonTokenizer<Handler>::ScanString(const char* p, const char* end) {
  using namespace json_internal;
  uint64_t highs = 0;
  while (p < end) {
    if (token_escape_) {
      token_escape_ = false;
      highs |= static_cast<unsigned char>(*p);
      ++p;
      continue;
    }
    p = SkipPlainStringBytes(p, end, &highs);
    if (p >= end) {
      break;
    }
    const auto c = static_cast<unsigned char>(*p);
    if (c == '"' || c < 0x20) {
      break;
    }
    if (c == '\\') {
      token_has_escape_ = true;
      token_escape_ = true;
    }
    highs |= c;
    ++p;
  }
  token_has_high_ |= (highs & kHighs) != 0;
  return p;
}

template <class Handler>
inline bool JsonTokenizer<Handler>::ContinueString(const char* p,
                                                   const char* end,
                                                   const char** next) {
  const char* q = ScanString(p, end);
  const auto run = static_cast<size_t>(q - p);
  if (pending_.size() + run > limits_.max_token_bytes) {
    return TooLong();
  }
  if (q == end) {
    pending_.append(p, run);
    *next = end;
    return true;
  }
  if (*q != '"') {
    return Fail(JsonErrorKind::kBadString, OffsetOf(q),
                "control character in a string (it must be escaped)");
  }
  *next = q + 1;
  std::string_view raw(p, run);  // Zero-copy when the whole string is in the chunk.
  if (!pending_.empty()) {
    pending_.append(p, run);
    raw = pending_;
  }
  return EmitString(raw);
}

template <class Handler>
bool JsonTokenizer<Handler>::EmitDecodedString(std::string_view raw) {
  const size_t invalid = token_has_high_ ? base::FindInvalidUtf8(raw) : base::kUtf8Valid;
  if (invalid != base::kUtf8Valid && !limits_.repair_utf8) {
    return Fail(JsonErrorKind::kBadString, token_start_ + 1 + invalid, "invalid UTF-8 in a string");
  }
  std::string_view text = raw;
  if (token_has_escape_) {
    if (!Unescape(raw, &unescaped_))
      return false;
    text = unescaped_;
  }
  if (invalid != base::kUtf8Valid) {
    // Escapes decode to whole sequences, so decoding first keeps every invalid subpart intact.
    repaired_.clear();
    repaired_utf8_ += base::AppendRepairedUtf8(text, &repaired_);
    text = repaired_;
  }
  return Deliver(text);
}

template <class Handler>
inline bool JsonTokenizer<Handler>::Deliver(std::string_view text) {
  const bool is_key = token_ == Token::kKey;
  token_ = Token::kNone;
  event_offset_ = token_start_;
  if (!(is_key ? handler_->key(text) : handler_->string(text))) {
    return Abort();
  }
  if (is_key) {
    expect_ = Expect::kColon;
    return true;
  }
  return AfterValue();
}

template <class Handler>
bool JsonTokenizer<Handler>::Unescape(std::string_view raw, std::string* out) {
  out->clear();
  size_t i = 0;
  while (i < raw.size()) {
    const void* found = std::memchr(raw.data() + i, '\\', raw.size() - i);
    if (found == nullptr) {
      out->append(raw.data() + i, raw.size() - i);
      break;
    }
    const auto slash = static_cast<size_t>(static_cast<const char*>(found) - raw.data());
    out->append(raw.data() + i, slash - i);
    const uint64_t at = token_start_ + 1 + slash;
    i = slash + 2;  // The scanner guarantees a byte after each backslash.
    switch (raw[slash + 1]) {
      case '"':
      case '\\':
      case '/':
        out->push_back(raw[slash + 1]);
        break;
      case 'b':
        out->push_back('\b');
        break;
      case 'f':
        out->push_back('\f');
        break;
      case 'n':
        out->push_back('\n');
        break;
      case 'r':
        out->push_back('\r');
        break;
      case 't':
        out->push_back('\t');
        break;
      case 'u': {
        uint32_t cp;
        if (!json_internal::ReadHex4(raw, i, &cp)) {
          return Fail(JsonErrorKind::kBadString, at,
                      "bad \\u escape in a string (it needs 4 hex digits)");
        }
        i += 4;
        const bool high = cp >= 0xD800 && cp <= 0xDBFF;
        uint32_t low = 0;
        if (high && i + 1 < raw.size() && raw[i] == '\\' && raw[i + 1] == 'u' &&
            json_internal::ReadHex4(raw, i + 2, &low) && low >= 0xDC00 && low <= 0xDFFF) {
          cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
          i += 6;
        } else if (cp >= 0xD800 && cp <= 0xDFFF) {
          if (!limits_.repair_utf8) {
            return Fail(JsonErrorKind::kBadString, at, "unpaired surrogate escape in a string");
          }
          cp = 0xFFFD;
          ++repaired_utf8_;
        }
        base::AppendUtf8(cp, out);
        break;
      }
      default:
        return Fail(JsonErrorKind::kBadString, at, "unknown escape in a string");
    }
  }
  return true;
}

template <class Handler>
bool JsonTokenizer<Handler>::ContinueNumber(const char* p, const char* end, const char** next) {
  const char* q = p;
  while (q < end && json_internal::IsNumberByte(*q))
    ++q;
  const auto run = static_cast<size_t>(q - p);
  if (pending_.size() + run > limits_.max_token_bytes) {
    return TooLong();
  }
  if (q == end) {
    pending_.append(p, run);
    *next = end;
    return true;
  }
  *next = q;
  if (pending_.empty()) {
    return EmitNumber(std::string_view(p, run));
  }
  pending_.append(p, run);
  return EmitNumber(pending_);
}

template <class Handler>
bool JsonTokenizer<Handler>::EmitNumber(std::string_view raw) {
  using json_internal::IsDigit;
  token_ = Token::kNone;
  // Grammar: -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?
  const size_t n = raw.size();
  const bool negative = raw[0] == '-';
  size_t i = negative;
  auto digit = [&](size_t k) { return k < n && IsDigit(raw[k]); };
  auto bad = [&](const char* what) {
    return Fail(JsonErrorKind::kBadNumber, token_start_,
                std::string(what) + " " + json_internal::Quoted(raw));
  };
  if (!digit(i))
    return bad("malformed number");
  uint64_t value = 0;
  bool overflow = false;
  if (raw[i] == '0') {
    ++i;
  } else {
    for (; digit(i); ++i) {
      const auto d = static_cast<uint64_t>(raw[i] - '0');
      overflow |= value > (UINT64_MAX - d) / 10;
      value = value * 10 + d;
    }
  }
  bool is_float = false;
  if (i < n && raw[i] == '.') {
    is_float = true;
    ++i;
    if (!digit(i))
      return bad("malformed number");
    while (digit(i))
      ++i;
  }
  if (i < n && (raw[i] == 'e' || raw[i] == 'E')) {
    is_float = true;
    ++i;
    if (i < n && (raw[i] == '+' || raw[i] == '-'))
      ++i;
    if (!digit(i))
      return bad("malformed number");
    while (digit(i))
      ++i;
  }
  if (i != n)
    return bad("malformed number");
  event_offset_ = token_start_;
  bool ok;
  if (!is_float && !overflow && !negative) {
    ok = handler_->number_unsigned(value);
  } else if (!is_float && !overflow && value <= uint64_t{INT64_MAX} + 1) {
    ok = handler_->number_integer(value == uint64_t{INT64_MAX} + 1 ? INT64_MIN
                                                                   : -static_cast<int64_t>(value));
  } else {
    // strtod needs a terminated copy; the "C" locale is never changed.
    char small[64];
    std::string large;
    const char* text = small;
    if (n < sizeof small) {
      std::memcpy(small, raw.data(), n);
      small[n] = '\0';
    } else {
      large.assign(raw);
      text = large.c_str();
    }
    const double parsed = std::strtod(text, nullptr);
    if (!std::isfinite(parsed))
      return bad("number out of range");
    ok = handler_->number_float(parsed, raw);
  }
  return (ok || Abort()) && AfterValue();
}

template <class Handler>
bool JsonTokenizer<Handler>::ContinueLiteral(const char* p, const char* end, const char** next) {
  const size_t size = literal_.size();
  // The common case: the whole literal and the byte after it are in this chunk.
  if (literal_matched_ == 0 && static_cast<size_t>(end - p) > size &&
      json_internal::StartsWithLiteral(p, literal_) && !json_internal::IsWordByte(p[size])) {
    literal_matched_ = static_cast<uint8_t>(size);
    *next = p + size;
    return EmitLiteral();
  }
  for (; p < end && json_internal::IsWordByte(*p); ++p) {
    if (literal_matched_ == size || *p != literal_[literal_matched_]) {
      std::string word(literal_.substr(0, literal_matched_));
      word.push_back(*p);
      return Fail(JsonErrorKind::kSyntax, token_start_,
                  "unknown literal " + json_internal::Quoted(word));
    }
    ++literal_matched_;
  }
  *next = p;
  return p == end || EmitLiteral();
}

template <class Handler>
bool JsonTokenizer<Handler>::EmitLiteral() {
  token_ = Token::kNone;
  const std::string_view word = literal_.substr(0, literal_matched_);
  if (literal_matched_ != literal_.size()) {
    return Fail(JsonErrorKind::kSyntax, token_start_,
                "unknown literal " + json_internal::Quoted(word));
  }
  event_offset_ = token_start_;
  const bool ok = word == "null" ? handler_->null() : handler_->boolean(word == "true");
  return (ok || Abort()) && AfterValue();
}

template <class Handler>
bool JsonTokenizer<Handler>::Push(std::string_view chunk) {
  if (failed()) {
    return false;
  }
  chunk_ = chunk.data();
  const char* const end = chunk.data() + chunk.size();
  const char* p = chunk.data();

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
      return Fail(JsonErrorKind::kSyntax, OffsetOf(p), "incomplete byte order mark");
    }
    started_ = true;
  }

  // Resume a token split by the previous chunk.
  if (token_ != Token::kNone && !ContinueToken(p, end, &p)) {
    return false;
  }

  while (p < end) {
    const char c = *p;
    if (c == '\n') {  // Pretty-printed exports indent every line: skip the run at once.
      ++line_;
      p = json_internal::SkipSpaces(p + 1, end);
      continue;
    }
    if (c == ' ' || c == '\r' || c == '\t') {
      ++p;
      continue;
    }
    const uint64_t at = OffsetOf(p);
    switch (c) {
      case '"': {
        const bool is_key = expect_ == Expect::kKeyOrClose || expect_ == Expect::kKey;
        if (!is_key && !ExpectsValue())
          return Unexpected(c, at);
        StartToken(is_key ? Token::kKey : Token::kString, at);
        token_has_escape_ = false;
        token_has_high_ = false;
        token_escape_ = false;
        if (!ContinueString(p + 1, end, &p))
          return false;
        p = TakeSeparator(p, end);
        continue;
      }
      case ':':
        if (expect_ != Expect::kColon)
          return Unexpected(c, at);
        expect_ = Expect::kValue;
        ++p;
        continue;
      case ',':
        if (expect_ != Expect::kCommaOrClose)
          return Unexpected(c, at);
        Comma();
        ++p;
        continue;
      case '{':
      case '[':
        if (!ExpectsValue())
          return Unexpected(c, at);
        if (!Open(c == '{', at))
          return false;
        ++p;
        continue;
      case '}':
      case ']':
        if (!Close(c == '}', c, at))
          return false;
        p = TakeSeparator(p + 1, end);
        continue;
      case 't':
      case 'f':
      case 'n':
        if (!ExpectsValue())
          return Unexpected(c, at);
        StartToken(Token::kLiteral, at);
        literal_ = c == 't' ? kTrue : c == 'f' ? kFalse : kNull;
        literal_matched_ = 0;
        if (!ContinueLiteral(p, end, &p))
          return false;
        p = TakeSeparator(p, end);
        continue;
      default:
        if ((c != '-' && !json_internal::IsDigit(c)) || !ExpectsValue()) {
          return Unexpected(c, at);
        }
        StartToken(Token::kNumber, at);
        if (!ContinueNumber(p, end, &p))
          return false;
        p = TakeSeparator(p, end);
        continue;
    }
  }
  consumed_ += chunk.size();
  return true;
}

template <class Handler>
bool JsonTokenizer<Handler>::Finish() {
  if (failed()) {
    return false;
  }
  switch (token_) {
    case Token::kNumber:
      if (!EmitNumber(pending_))
        return false;
      break;
    case Token::kLiteral:
      if (literal_matched_ != literal_.size()) {
        return Fail(JsonErrorKind::kTruncated, consumed_, "the input ends inside a literal");
      }
      if (!EmitLiteral())
        return false;
      break;
    case Token::kString:
    case Token::kKey:
      return Fail(JsonErrorKind::kTruncated, consumed_, "the input ends inside a string");
    case Token::kNone:
      break;
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
