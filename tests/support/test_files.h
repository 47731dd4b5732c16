// Helpers shared by the unit tests: locating and reading test inputs.
#pragma once

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace meshcheck::testing {

// The shared corpus folder (../shared/corpus beside the checkout).
inline std::filesystem::path CorpusDir() {
  return MESHCHECK_CORPUS;
}

// The corpus zips unpacked by CMake at configure time: UnzippedCorpusDir() / "slack" /
// "houstondatavis-2016" / "users.json" (tests/CMakeLists.txt).
inline std::filesystem::path UnzippedCorpusDir() {
  return MESHCHECK_CORPUS_UNZIPPED;
}

inline std::string ReadFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

// Every file under the corpus whose name ends with `suffix`, sorted.
inline std::vector<std::filesystem::path> CorpusFiles(const std::string& suffix) {
  std::vector<std::filesystem::path> out;
  for (const auto& e : std::filesystem::recursive_directory_iterator(CorpusDir())) {
    const std::string name = e.path().filename().string();
    if (e.is_regular_file() && name.size() >= suffix.size() &&
        name.compare(name.size() - suffix.size(), suffix.size(), suffix) == 0) {
      out.push_back(e.path());
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

// Splits `data` into chunks of `size` bytes (0 = one chunk).
inline std::vector<std::string_view> Chunks(std::string_view data, size_t size) {
  std::vector<std::string_view> out;
  if (size == 0)
    size = data.size() == 0 ? 1 : data.size();
  for (size_t i = 0; i < data.size(); i += size)
    out.push_back(data.substr(i, size));
  return out;
}

// The chunk sizes every parser is tested with: whole, 1, 7 and 4096 bytes.
inline constexpr size_t kChunkSizes[] = {0, 1, 7, 4096};

}  // namespace meshcheck::testing
