#include "ingest/reader.h"

#include "ingest/discord_json.h"

namespace meshcheck::ingest {

std::unique_ptr<Reader> MakeReader(Format format, const ReaderContext& context) {
  switch (format) {
    case Format::kDiscordJson:
      return MakeDiscordJsonReader(context);
    case Format::kAuto:
      break;
  }
  return nullptr;
}

}  // namespace meshcheck::ingest
