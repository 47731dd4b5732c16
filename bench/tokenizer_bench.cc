// tokenizer_bench: the raw tokenizer pass. Reads FILE in 1 MiB chunks (as the CLI does) through
// ingest::JsonTokenizer with a handler that only counts events, and prints one line:
//   bytes=N seconds=S mbps=R events=E
// (MB = 10^6 bytes). The ratio to `meshcheck analyze` shows what the rest of the pipeline costs.
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <string_view>
#include <vector>

#include "ingest/json_stream.h"

namespace {

constexpr size_t kChunkBytes = 1 << 20;

struct CountingHandler {
  uint64_t events = 0;
  bool Count() {
    ++events;
    return true;
  }
  bool null() { return Count(); }
  bool boolean(bool) { return Count(); }
  bool number_integer(int64_t) { return Count(); }
  bool number_unsigned(uint64_t) { return Count(); }
  bool number_float(double, std::string_view) { return Count(); }
  bool string(std::string_view) { return Count(); }
  bool key(std::string_view) { return Count(); }
  bool start_object() { return Count(); }
  bool end_object() { return Count(); }
  bool start_array() { return Count(); }
  bool end_array() { return Count(); }
};

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: tokenizer_bench FILE\n");
    return 2;
  }
  std::FILE* file = std::fopen(argv[1], "rb");
  if (file == nullptr) {
    std::perror(argv[1]);
    return 1;
  }
  const auto start = std::chrono::steady_clock::now();
  CountingHandler handler;
  meshcheck::ingest::JsonTokenizer<CountingHandler> tokenizer(&handler);
  std::vector<char> buffer(kChunkBytes);
  uint64_t bytes = 0;
  bool ok = true;
  size_t got;
  while (ok && (got = std::fread(buffer.data(), 1, buffer.size(), file)) > 0) {
    bytes += got;
    ok = tokenizer.Push(std::string_view(buffer.data(), got));
  }
  ok = ok && !std::ferror(file) && tokenizer.Finish();
  std::fclose(file);
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  if (!ok) {
    std::fprintf(stderr, "tokenizer_bench: %s at byte %llu\n", tokenizer.error().message.c_str(),
                 static_cast<unsigned long long>(tokenizer.error().offset));
    return 1;
  }
  std::printf("bytes=%llu seconds=%.3f mbps=%.1f events=%llu\n",
              static_cast<unsigned long long>(bytes), seconds, bytes / 1e6 / seconds,
              static_cast<unsigned long long>(handler.events));
  return 0;
}
